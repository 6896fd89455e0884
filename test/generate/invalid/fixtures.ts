import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { evaluationRoot, keywordMap, unbreakableKeywords } from "../../../src/generate/invalid/index.js";
import { GenContext } from "../../../src/generate/valid/index.js";
import { InputError } from "../../../src/schema/errors.js";
import { Oracle, OracleUnavailable } from "../../../src/oracle/oracle.js";
import type { Dialect } from "../../../src/schema/dialect.js";
import { isObject, type JsonSchema } from "../../../src/schema/json.js";
import { listJsonFiles, loadInputs } from "../../../src/schema/load.js";
import type { SchemaDocument, SchemaRegistry } from "../../../src/schema/registry.js";
import type { Target } from "../../../src/schema/target.js";
import { listTargets } from "../../../src/schema/targets.js";
import { resolveUri } from "../../../src/schema/uri.js";
import { CODEX_BUNDLE, SCHEMASTORE, SUITE } from "../../helpers/paths.js";

/** The repository root, from dist/test/generate/invalid/ where the compiled tests run. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export { CODEX_BUNDLE, SHARED } from "../../helpers/paths.js";
export const SUITE_TESTS = path.join(SUITE, "tests");
const SUITE_REMOTES = path.join(SUITE, "remotes");

export interface Fixture {
  target: Target;
  ctx: GenContext;
  /** "file.json#3: description" for messages. */
  name: string;
}

/** Every definition of the Codex app-server bundle, sharing one registry and oracle. */
export function codexFixtures(): Fixture[] {
  const { registry, documents } = loadInputs([CODEX_BUNDLE], { defaultDialect: "draft-07" });
  const ctx = new GenContext(registry, new Oracle(registry));
  return listTargets(documents, registry, { definitions: true }).map((target) => ({ target, ctx, name: target.pointer }));
}

/** SchemaStore files of the corpus whose $refs name files not in its folder (see its SOURCE.md). */
const STORE_MISSING_REFS = new Set(["package.json", "eslintrc.json", "pyproject.json"]);

/** Every SchemaStore schema of the shared corpus (roots, or every definition too), sharing one registry and oracle. */
export function schemastoreFixtures(definitions: boolean): Fixture[] {
  const files = listJsonFiles(SCHEMASTORE).filter((f) => !STORE_MISSING_REFS.has(path.basename(f)));
  const { registry, documents } = loadInputs(files, { defaultDialect: "draft-07" });
  const ctx = new GenContext(registry, new Oracle(registry));
  return listTargets(documents, registry, { definitions }).map((target) => ({ target, ctx, name: target.id }));
}

/** A target of one inline schema, in a registry of its own. */
export function inlineFixture(schema: JsonSchema, dialect: Dialect = "2020-12", name = "inline"): Fixture {
  const { registry } = loadInputs([], { defaultDialect: dialect });
  return { target: addDocument(registry, schema, dialect, "https://conform.test/inline.json"), ctx: new GenContext(registry, new Oracle(registry)), name };
}

export const SUITE_DIALECTS: Record<string, Dialect> = { "draft2020-12": "2020-12", draft7: "draft-07" };

/**
 * The groups of JSON-Schema-Test-Suite files as targets, each in a registry of its own
 * (groups reuse $ids) holding the suite's remotes. Groups whose refs cannot be resolved
 * locally (the meta-schemas) are left out.
 */
export function suiteFixtures(folder: keyof typeof SUITE_DIALECTS, files?: string[]): Fixture[] {
  const dialect = SUITE_DIALECTS[folder]!;
  const dir = path.join(SUITE_TESTS, folder);
  const names = files ?? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  const out: Fixture[] = [];
  for (const file of names) {
    const groups = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Array<{ description: string; schema: JsonSchema }>;
    groups.forEach((g, i) => {
      const { registry } = loadInputs([], { defaultDialect: dialect, remotes: [{ uri: "http://localhost:1234/", dir: SUITE_REMOTES }] });
      const target = addDocument(registry, g.schema, dialect, `https://conform.test/suite/${folder}/${file}/${i}.json`);
      const ctx = new GenContext(registry, new Oracle(registry));
      if (usable(target, ctx)) out.push({ target, ctx, name: `${folder}/${file}#${i}: ${g.description}` });
    });
  }
  return out;
}

/** Every ref resolves here and ajv compiles the schema (it cannot compile a few suite groups). */
function usable(target: Target, ctx: GenContext): boolean {
  try {
    keywordMap(evaluationRoot(target), ctx);
    ctx.oracle.check(target.uri, target.dialect);
    return true;
  } catch (e) {
    if (e instanceof InputError || e instanceof OracleUnavailable) return false;
    throw e;
  }
}

function addDocument(registry: SchemaRegistry, schema: JsonSchema, dialect: Dialect, retrieval: string): Target {
  const id = isObject(schema) ? schema[dialect === "draft-04" ? "id" : "$id"] : undefined;
  const uri = typeof id === "string" && !id.startsWith("#") ? resolveUri(retrieval, id).replace(/#$/, "") : retrieval;
  const doc: SchemaDocument = { uri, file: retrieval, dialect, declaresDialect: isObject(schema) && typeof schema.$schema === "string", schema };
  registry.add(doc, [retrieval]);
  return { id: retrieval, file: retrieval, pointer: "", documentUri: uri, uri, dialect, schema, registry };
}

/** True when the target has a keyword some mutator could break (a target of annotations only has none). */
export function constrained(f: Fixture): boolean {
  const unbreakable = new Set(unbreakableKeywords(f.target, f.ctx).map((u) => u.schemaPath));
  return keywordMap(evaluationRoot(f.target), f.ctx).occurrences.some((o) => !unbreakable.has(o.schemaPath));
}
