import fs from "node:fs";
import path from "node:path";
import { dialectFromUri, idKeyword, type Dialect } from "./dialect.js";
import { InputError } from "./errors.js";
import { isObject, type JsonSchema } from "./json.js";
import { SchemaRegistry, type SchemaDocument } from "./registry.js";
import { fileUri, normaliseUri, resolveUri, stripFragment } from "./uri.js";

export interface RemoteMapping {
  /** URI prefix, e.g. "http://localhost:1234/". */
  uri: string;
  /** Local folder whose files are served at that prefix. */
  dir: string;
}

export interface LoadOptions {
  defaultDialect: Dialect;
  remotes?: RemoteMapping[];
}

export interface Loaded {
  registry: SchemaRegistry;
  /** The documents the user named (targets come from these), in a stable order. */
  documents: SchemaDocument[];
}

/** Reads files and folders (every *.json below, recursively) and every remote folder into one registry. */
export function loadInputs(inputs: string[], options: LoadOptions): Loaded {
  const registry = new SchemaRegistry();
  const documents: SchemaDocument[] = [];
  for (const file of inputs.flatMap(listJsonFiles)) {
    const doc = readSchemaDocument(file, options.defaultDialect);
    registry.add(doc, [fileUri(file)]);
    documents.push(doc);
  }
  for (const remote of options.remotes ?? []) addRemoteFolder(registry, remote, options.defaultDialect);
  return { registry, documents };
}

/** The JSON files an input names: itself, or every *.json below a folder, sorted. */
export function listJsonFiles(input: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    throw new InputError(input, "", "no such file or folder");
  }
  if (!stat.isDirectory()) return [input];
  const out: string[] = [];
  for (const entry of fs.readdirSync(input, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(input, entry.name);
    if (entry.isDirectory()) out.push(...listJsonFiles(full));
    else if (entry.name.endsWith(".json")) out.push(full);
  }
  return out;
}

/** Parses one file as a schema document; its URI is its `$id` (against the file URI) or the file URI. */
export function readSchemaDocument(file: string, defaultDialect: Dialect, retrievalUri?: string): SchemaDocument {
  const json = parseJsonFile(file);
  if (typeof json !== "boolean" && !isObject(json)) {
    throw new InputError(file, "", `not a schema: a schema is an object or a boolean, this is ${Array.isArray(json) ? "an array" : typeof json}`);
  }
  const schema = json as JsonSchema;
  const declared = isObject(schema) && typeof schema.$schema === "string" ? schema.$schema : undefined;
  const dialect = declared === undefined ? defaultDialect : dialectFromUri(declared);
  if (dialect === undefined) {
    throw new InputError(file, "/$schema", `unknown dialect "${declared}" (known: draft-04, draft-06, draft-07, 2019-09, 2020-12)`);
  }
  const base = retrievalUri ?? fileUri(file);
  const id = isObject(schema) ? schema[idKeyword(dialect)] : undefined;
  const uri = typeof id === "string" && !id.startsWith("#") ? normaliseUri(stripFragment(resolveUri(base, id))) : base;
  return { uri, file, dialect, declaresDialect: declared !== undefined, schema };
}

/** JSON.parse with an error that names the file and the line and column. */
export function parseJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError(file, "", `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(file, "", `invalid JSON: ${describeParseError(text, (e as Error).message)}`);
  }
}

function describeParseError(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos).split("\n");
  return `${message.replace(/ in JSON at position \d+.*$/, "")} at line ${before.length} column ${before[before.length - 1]!.length + 1}`;
}

/** Every *.json under the folder becomes resolvable at the prefix + its relative path. */
function addRemoteFolder(registry: SchemaRegistry, remote: RemoteMapping, defaultDialect: Dialect): void {
  const prefix = remote.uri.endsWith("/") ? remote.uri : remote.uri + "/";
  for (const file of listJsonFiles(remote.dir)) {
    const rel = path.relative(remote.dir, file).split(path.sep).join("/");
    const retrieval = prefix + rel;
    let doc: SchemaDocument;
    try {
      doc = readSchemaDocument(file, defaultDialect, retrieval);
    } catch {
      continue; // a remote folder may hold non-schema JSON; it is simply not resolvable
    }
    registry.add(doc, [retrieval]);
  }
}
