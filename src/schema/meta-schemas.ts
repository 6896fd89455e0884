import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { dialectFromUri, idKeyword, type Dialect } from "./dialect.js";
import { isObject, type JsonSchema } from "./json.js";
import type { SchemaDocument } from "./registry.js";
import { normaliseUri, stripFragment } from "./uri.js";

/**
 * The dialects' meta-schemas, read from the copies ajv ships (never the network): a schema
 * may `$ref` its own meta-schema (a config that holds schemas, a suite group), and every
 * validator we hand the registry to must find it there, as ajv finds its built-in copy.
 */
const require = createRequire(import.meta.url);

/** One dialect's meta-schema files: the root and, from 2019-09 on, its vocabulary meta-schemas. */
function familyFiles(): string[][] {
  return [
    [require.resolve("ajv-draft-04/dist/refs/json-schema-draft-04.json")],
    [require.resolve("ajv/dist/refs/json-schema-draft-06.json")],
    [require.resolve("ajv/dist/refs/json-schema-draft-07.json")],
    withVocabularies(require.resolve("ajv/dist/refs/json-schema-2019-09/schema.json")),
    withVocabularies(require.resolve("ajv/dist/refs/json-schema-2020-12/schema.json")),
  ];
}

function withVocabularies(root: string): string[] {
  const metaDir = path.join(path.dirname(root), "meta");
  const vocabularies = fs.readdirSync(metaDir).filter((n) => n.endsWith(".json")).sort();
  return [root, ...vocabularies.map((n) => path.join(metaDir, n))];
}

let families: SchemaDocument[][] | undefined;

function metaSchemaFamilies(): SchemaDocument[][] {
  families ??= familyFiles().map((files) => files.map(metaSchemaDocument));
  return families;
}

function metaSchemaDocument(file: string): SchemaDocument {
  const schema = JSON.parse(fs.readFileSync(file, "utf8")) as JsonSchema;
  const declared = isObject(schema) && typeof schema.$schema === "string" ? dialectFromUri(schema.$schema) : undefined;
  const dialect: Dialect = declared ?? "draft-04";
  const id = isObject(schema) ? schema[idKeyword(dialect)] : undefined;
  if (typeof id !== "string") throw new Error(`${file}: a meta-schema without an id`);
  return { uri: normaliseUri(stripFragment(id)), file, dialect, declaresDialect: declared !== undefined, schema };
}

/** Every meta-schema document of every dialect. */
export function allMetaSchemaDocuments(): SchemaDocument[] {
  return metaSchemaFamilies().flat();
}

/** The meta-schemas of the dialect that `uri` (a root or a vocabulary meta-schema) belongs to, if it is one. */
export function metaSchemaFamilyOf(uri: string): SchemaDocument[] | undefined {
  const wanted = normaliseUri(stripFragment(uri));
  return metaSchemaFamilies().find((family) => family.some((d) => d.uri === wanted));
}
