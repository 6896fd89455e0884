import fs from "node:fs";
import path from "node:path";
import { dialectFromUri, idKeyword, type Dialect } from "./dialect.js";
import { InputError } from "./errors.js";
import { isObject, type Json, type JsonSchema } from "./json.js";
import { listJsonFiles, parseJsonFile, readSchemaDocument } from "./load.js";
import { allMetaSchemaDocuments } from "./meta-schemas.js";
import { joinPointer } from "./pointer.js";
import { SchemaRegistry, type SchemaDocument } from "./registry.js";
import type { Target } from "./target.js";
import { normaliseUri, resolveUri, stripFragment } from "./uri.js";

/** Where the official suite serves its remotes from. */
export const SUITE_REMOTES_URI = "http://localhost:1234/";

/** The suite's folder names per dialect ("draft2020-12" → "2020-12"). */
export const SUITE_FOLDER_DIALECT: Record<string, Dialect> = {
  draft4: "draft-04",
  draft6: "draft-06",
  draft7: "draft-07",
  "draft2019-09": "2019-09",
  "draft2020-12": "2020-12",
};

export interface SuiteTest {
  description: string;
  data: Json;
  valid: boolean;
}

/** One group of a JSON-Schema-Test-Suite file: its schema as a target in a registry of its own. */
export interface SuiteGroup {
  /** The suite file, as named. */
  file: string;
  /** Position of the group in its file. */
  index: number;
  description: string;
  tests: SuiteTest[];
  /** `file` + pointer "/<index>/schema"; `uri` is the group's `$id` or a synthetic unique URI. */
  target: Target;
}

/**
 * The groups of a suite file, or of every *.json directly in a suite folder (not `optional/`).
 * Each group gets its own registry (groups reuse `$id`s, so one shared registry would let the
 * first group shadow the others) holding the group's schema, the remotes served at
 * http://localhost:1234/, and the dialects' meta-schemas (some groups `$ref` them).
 */
export function loadSuiteGroups(dir: string, dialect: Dialect, remotesDir?: string): SuiteGroup[] {
  const shared = [...(remotesDir ? remoteDocuments(remotesDir, dialect) : []), ...metaSchemaDocuments()];
  return suiteFiles(dir).flatMap((file) => groupsOfFile(file, dialect, shared));
}

/** A file names itself; a folder names its own *.json files, sorted, without subfolders. */
function suiteFiles(dir: string): string[] {
  if (!fs.statSync(dir).isDirectory()) return [dir];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => path.join(dir, e.name))
    .sort();
}

function groupsOfFile(file: string, dialect: Dialect, shared: SharedDocument[]): SuiteGroup[] {
  const groups = parseJsonFile(file);
  if (!Array.isArray(groups)) throw new InputError(file, "", "not a suite file: expected an array of groups");
  return groups.map((g, index) => {
    const pointer = joinPointer("", index);
    if (!isObject(g) || !Array.isArray(g.tests) || (typeof g.schema !== "boolean" && !isObject(g.schema))) {
      throw new InputError(file, pointer, "not a suite group: expected {description, schema, tests}");
    }
    return {
      file,
      index,
      description: String(g.description ?? ""),
      tests: g.tests.map((t, j) => suiteTest(t, file, joinPointer(pointer, "tests", j))),
      target: { ...groupTarget(file, index, g.schema as JsonSchema, dialect, shared), description: String(g.description ?? "") },
    };
  });
}

function suiteTest(t: unknown, file: string, pointer: string): SuiteTest {
  if (!isObject(t) || typeof t.valid !== "boolean" || !("data" in t)) throw new InputError(file, pointer, "not a suite test: expected {description, data, valid}");
  return { description: String(t.description ?? ""), data: t.data as Json, valid: t.valid };
}

/** The group's schema as a document of a fresh registry, registered before the remotes so its own `$id` wins. */
function groupTarget(file: string, index: number, schema: JsonSchema, folderDialect: Dialect, shared: SharedDocument[]): Target {
  const declared = isObject(schema) && typeof schema.$schema === "string" ? dialectFromUri(schema.$schema) : undefined;
  const dialect = declared ?? folderDialect;
  const synthetic = syntheticUri(file, index);
  const id = isObject(schema) ? schema[idKeyword(dialect)] : undefined;
  const uri = typeof id === "string" && !id.startsWith("#") ? normaliseUri(stripFragment(resolveUri(synthetic, id))) : synthetic;
  const doc: SchemaDocument = { uri, file, dialect, declaresDialect: declared !== undefined, schema };
  const registry = new SchemaRegistry();
  registry.add(doc, uri === synthetic ? [] : [synthetic]);
  for (const s of shared) registry.add(s.doc, s.alsoAs);
  const pointer = joinPointer("", index, "schema");
  return { id: `${file}#${pointer}`, file, pointer, documentUri: uri, uri, dialect, schema, registry };
}

/**
 * The target of the suite group a pointer such as "/3/schema" names (how a corpus case found
 * by `conform suite --fuzz` names its schema), or undefined when the file is not a suite file
 * or the pointer not of that form. The suite's remotes come along when the file sits in a
 * checkout (tests/<folder>/<file>.json beside remotes/), as they do for `conform suite`.
 */
export function suiteGroupTargetAt(file: string, pointer: string, dialect: Dialect): Target | undefined {
  const at = /^\/(0|[1-9][0-9]*)\/schema$/.exec(pointer);
  if (!at) return undefined;
  const groups = parseJsonFile(file);
  if (!Array.isArray(groups)) return undefined;
  const index = Number(at[1]);
  const group: unknown = groups[index];
  if (!isObject(group) || (typeof group.schema !== "boolean" && !isObject(group.schema))) throw new InputError(file, pointer, "no suite group's schema there");
  const remotesDir = path.join(path.dirname(file), "..", "..", "remotes");
  const shared = [...(fs.existsSync(remotesDir) ? remoteDocuments(remotesDir, dialect) : []), ...metaSchemaDocuments()];
  return groupTarget(file, index, group.schema as JsonSchema, dialect, shared);
}

/** A URI no suite schema uses, unique per file and group. */
function syntheticUri(file: string, index: number): string {
  return `https://suite.schema-conform.invalid/${encodeURIComponent(path.basename(path.dirname(file)))}/${encodeURIComponent(path.basename(file))}/${index}.json`;
}

interface SharedDocument {
  doc: SchemaDocument;
  alsoAs: string[];
}

/** Every remote file, readable at http://localhost:1234/ + its path; a file without `$schema` is in the group's dialect. */
function remoteDocuments(remotesDir: string, dialect: Dialect): SharedDocument[] {
  const out: SharedDocument[] = [];
  for (const file of listJsonFiles(remotesDir)) {
    const retrieval = SUITE_REMOTES_URI + path.relative(remotesDir, file).split(path.sep).join("/");
    try {
      out.push({ doc: readSchemaDocument(file, dialect, retrieval), alsoAs: [retrieval] });
    } catch {
      continue; // not every remote is a schema of a known dialect (draft3, v1)
    }
  }
  return out;
}

/** The meta-schemas ajv ships, so `$ref`s to a dialect's meta-schema resolve without the network. */
function metaSchemaDocuments(): SharedDocument[] {
  return allMetaSchemaDocuments().map((doc) => ({ doc, alsoAs: [] }));
}
