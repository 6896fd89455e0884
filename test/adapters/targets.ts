import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { DIALECT_URI, dialectFromUri, idKeyword, type Dialect } from "../../src/schema/dialect.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { SchemaRegistry } from "../../src/schema/registry.js";
import type { Target } from "../../src/schema/target.js";
import { resolveUri, stripFragment } from "../../src/schema/uri.js";
import { SUITE } from "../helpers/paths.js";

/** The repository root (dist/test/adapters → three levels up). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const SUITE_DIR = path.join(SUITE, "tests");

export interface DocumentSpec {
  uri: string;
  schema: JsonSchema;
  dialect?: Dialect;
}

/** A registry holding the given documents, each in `dialect` unless its `$schema` says otherwise. */
export function registryOf(dialect: Dialect, docs: DocumentSpec[]): SchemaRegistry {
  const registry = new SchemaRegistry();
  for (const d of docs) {
    const declared = typeof d.schema === "object" && typeof d.schema.$schema === "string" ? dialectFromUri(d.schema.$schema) : undefined;
    const docDialect = d.dialect ?? declared ?? dialect;
    registry.add({ uri: documentUri(d, docDialect), file: d.uri, dialect: docDialect, declaresDialect: declared !== undefined, schema: d.schema });
  }
  return registry;
}

/** Like the loader: a document is known by its own absolute `$id` (draft-04: `id`) when it has one, else by the URI it was read from. */
function documentUri(d: DocumentSpec, dialect: Dialect): string {
  const id = typeof d.schema === "object" ? d.schema[idKeyword(dialect)] : undefined;
  return typeof id === "string" && !id.startsWith("#") ? stripFragment(resolveUri(d.uri, id)) : d.uri;
}

/** The target at `pointer` of the first document; the other documents are there to be referenced. */
export function targetOf(dialect: Dialect, docs: DocumentSpec[], pointer = ""): Target {
  const registry = registryOf(dialect, docs);
  const main = docs[0] as DocumentSpec;
  const mainUri = [...registry.documents.values()].find((doc) => doc.file === main.uri)?.uri ?? main.uri;
  const uri = mainUri + (pointer === "" ? "" : "#" + pointer);
  const located = registry.lookup(uri);
  if (!located) throw new Error(`no schema at ${uri}`);
  return {
    id: main.uri + (pointer === "" ? "" : "#" + pointer),
    file: main.uri,
    pointer,
    documentUri: mainUri,
    uri,
    dialect: located.dialect,
    schema: located.schema,
    registry,
  };
}

/** A whole schema as a target, under a made-up URI. */
export function simpleTarget(schema: JsonSchema, dialect: Dialect = "2020-12", uri = "https://example.com/schema.json"): Target {
  return targetOf(dialect, [{ uri, schema }]);
}

export interface SuiteGroup {
  description: string;
  schema: JsonSchema;
  tests: Array<{ description: string; data: unknown; valid: boolean }>;
}

/** The groups of one JSON-Schema-Test-Suite file, e.g. suiteGroups("draft7", "required.json"). */
export function suiteGroups(folder: string, file: string): SuiteGroup[] {
  return JSON.parse(readFileSync(path.join(SUITE_DIR, folder, file), "utf8")) as SuiteGroup[];
}

export const SUITE_DIALECT: Record<string, Dialect> = { draft4: "draft-04", draft6: "draft-06", draft7: "draft-07", "draft2019-09": "2019-09", "draft2020-12": "2020-12" };

export { DIALECT_URI };
