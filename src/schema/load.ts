import fs from "node:fs";
import path from "node:path";
import { idKeyword, readDialectUri, type Dialect } from "./dialect.js";
import { InputError, UnsupportedInput, type InputWarning } from "./errors.js";
import { isObject, type JsonSchema } from "./json.js";
import { readJsonFile, SCHEMA_DEPTH_LIMIT } from "./read-json.js";
import { SchemaRegistry, type LazyDocuments, type SchemaDocument } from "./registry.js";
import { withOwnUri, type ShadowedId } from "./shadowed-ids.js";
import { walkSchemas } from "./check-refs.js";
import { metaSchemaFamilyOf } from "./meta-schemas.js";
import { referencesOf } from "../keywords/registry.js";
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
  /** Collect each bad file's InputError in `errors` and go on with the others (default: throw the first). */
  keepGoing?: boolean;
  /** Read every remote file now (callers that list the registry's documents); by default each is read when a `$ref` reaches it. */
  eagerRemotes?: boolean;
}

export interface Loaded {
  registry: SchemaRegistry;
  /** The documents the user named (targets come from these), in a stable order. */
  documents: SchemaDocument[];
  /** Bad input met (with `keepGoing`): one per bad file, then one per bad place that later checks find. */
  errors: InputError[];
  /** Files read without running them, with the reason (a dialect the oracle cannot judge). */
  skipped: UnsupportedInput[];
  /** Input read anyway, with a note (a byte order mark, duplicate keys, a non-canonical `$schema`). */
  warnings: InputWarning[];
}

/** Reads files and folders (every *.json below, recursively) and every remote folder into one registry. */
export function loadInputs(inputs: string[], options: LoadOptions): Loaded {
  const loaded: Loaded = { registry: new SchemaRegistry(), documents: [], errors: [], skipped: [], warnings: [] };
  // Remotes first: a catalog served at its own URLs decides which file owns a shared $id
  // (see shadowed-ids.ts), and an input that is one of those files is then read as that file.
  const remotes = new LazyRemoteFiles(loaded.registry, options.defaultDialect);
  for (const remote of options.remotes ?? []) remotes.addFolder(remote);
  loaded.registry.readLazilyFrom(remotes);
  if (options.eagerRemotes) remotes.readAll();
  for (const file of inputs.flatMap(listJsonFiles)) {
    try {
      const read = readSchemaDocument(file, options.defaultDialect, undefined, loaded.warnings);
      const { doc, shadowed } = withOwnUri(loaded.registry, read, fileUri(file));
      if (shadowed) loaded.warnings.push(shadowedIdWarning(shadowed));
      loaded.registry.add(doc, [fileUri(file)]);
      loaded.documents.push(doc);
    } catch (e) {
      if (!(e instanceof InputError) || !options.keepGoing) throw e;
      (e instanceof UnsupportedInput ? loaded.skipped : loaded.errors).push(e);
    }
  }
  return loaded;
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
export function readSchemaDocument(file: string, defaultDialect: Dialect, retrievalUri?: string, warnings: InputWarning[] = []): SchemaDocument {
  const json = readJsonFile(file, warnings, SCHEMA_DEPTH_LIMIT);
  if (typeof json !== "boolean" && !isObject(json)) {
    throw new InputError(file, "", `not a schema: a schema is an object or a boolean, this is ${Array.isArray(json) ? "an array" : typeof json}`);
  }
  const schema = json as JsonSchema;
  const declared = isObject(schema) && typeof schema.$schema === "string" ? schema.$schema : undefined;
  const dialect = declared === undefined ? defaultDialect : declaredDialect(file, declared, warnings);
  const base = retrievalUri ?? fileUri(file);
  const id = isObject(schema) ? schema[idKeyword(dialect)] : undefined;
  const uri = typeof id === "string" && !id.startsWith("#") ? normaliseUri(stripFragment(resolveUri(base, id))) : base;
  return { uri, file, dialect, declaresDialect: declared !== undefined, schema };
}

function shadowedIdWarning(s: ShadowedId): InputWarning {
  return { file: s.file, pointer: "", message: `its $id ${s.id} is also the $id of ${s.keptBy}, which keeps it; this file is read as ${s.readAs}` };
}

/** The dialect a `$schema` value names, read as ajv would (see dialect.ts), with a warning when the URI is not canonical. */
function declaredDialect(file: string, declared: string, warnings: InputWarning[]): Dialect {
  const reading = readDialectUri(declared);
  if (reading === undefined) {
    throw new InputError(file, "/$schema", `unknown dialect "${declared}" (known: draft-04, draft-06, draft-07, 2019-09, 2020-12)`);
  }
  if ("unsupported" in reading) throw new UnsupportedInput(file, "/$schema", reading.unsupported);
  if (reading.note) warnings.push({ file, pointer: "/$schema", message: reading.note });
  return reading.dialect;
}

/** The JSON value of a file, read strictly (see read-json.ts); warnings go to `warnings`. */
export function parseJsonFile(file: string, warnings: InputWarning[] = []): unknown {
  return readJsonFile(file, warnings);
}

/**
 * The files of the --remotes folders, each read and parsed only when first needed: when a
 * `$ref` (or a lookup) reaches the URI it is served at, or, for an `$id` that is not where its
 * file is served, all of them at once (the registry asks readAll on a miss). A file's `$id`
 * served by another pending file reads that one first, so a document served at its own `$id`
 * keeps it, as when every file was read up front.
 */
class LazyRemoteFiles implements LazyDocuments {
  private readonly pending = new Map<string, { file: string; retrieval: string }>();
  private registering = false;

  constructor(
    private readonly registry: SchemaRegistry,
    private readonly defaultDialect: Dialect,
  ) {}

  /** Every *.json under the folder becomes resolvable at the prefix + its relative path (listed now, read later). */
  addFolder(remote: RemoteMapping): void {
    const prefix = remote.uri.endsWith("/") ? remote.uri : remote.uri + "/";
    for (const file of listJsonFiles(remote.dir)) {
      const retrieval = prefix + path.relative(remote.dir, file).split(path.sep).join("/");
      const key = normaliseUri(retrieval);
      if (!this.pending.has(key)) this.pending.set(key, { file, retrieval });
    }
  }

  /** The pending file served at the URI, else those whose text declares it as an `$id` (a guess from a scan, confirmed by reading them). */
  readServedAt(normalisedUri: string): boolean {
    if (this.registering) return false;
    const entry = this.pending.get(normalisedUri);
    const entries = entry ? [entry] : this.declaring(normalisedUri);
    if (entries.length === 0) return false;
    this.read(entries);
    return true;
  }

  /** Pending files that may declare the URI as an `$id`; none for local files and the dialects' meta-schemas (asked often, never served here). */
  private declaring(normalisedUri: string): Array<{ file: string; retrieval: string }> {
    if (!/^https?:/.test(normalisedUri) || metaSchemaFamilyOf(normalisedUri)) return [];
    return (this.declaredIds().get(normalisedUri) ?? []).filter((e) => this.pending.has(normaliseUri(e.retrieval)));
  }

  private idIndex?: Map<string, Array<{ file: string; retrieval: string }>>;

  /**
   * `$id`s (and draft-04 `id`s) as they appear in the pending files' text, resolved against where
   * each is served: catalogs name files by one host and `$id` them by another
   * (json.schemastore.org vs www.schemastore.org). Scanning the text costs a fraction of parsing
   * it strictly; a match only chooses which files to read.
   */
  private declaredIds(): Map<string, Array<{ file: string; retrieval: string }>> {
    if (this.idIndex) return this.idIndex;
    this.idIndex = new Map();
    for (const entry of this.pending.values()) {
      let text: string;
      try {
        text = fs.readFileSync(entry.file, "utf8");
      } catch {
        continue;
      }
      for (const m of text.matchAll(/"\$?id"\s*:\s*"([^"\\]+)"/g)) {
        let key: string;
        try {
          key = normaliseUri(stripFragment(resolveUri(entry.retrieval, m[1]!)));
        } catch {
          continue;
        }
        const list = this.idIndex.get(key) ?? [];
        if (!list.includes(entry)) list.push(entry);
        this.idIndex.set(key, list);
      }
    }
    return this.idIndex;
  }

  readAll(): boolean {
    if (this.pending.size === 0) return false;
    this.read([...this.pending.values()]);
    return true;
  }

  private read(entries: Array<{ file: string; retrieval: string }>): void {
    for (const e of entries) this.pending.delete(normaliseUri(e.retrieval));
    const read: Array<{ doc: SchemaDocument; retrieval: string }> = [];
    for (const { file, retrieval } of entries) {
      try {
        read.push({ doc: readSchemaDocument(file, this.defaultDialect, retrieval), retrieval });
      } catch {
        continue; // a remote folder may hold non-schema JSON; it is simply not resolvable
      }
    }
    // A document served at its own $id owns that $id; copies of it under other names do not.
    const servedAtOwnId = ({ doc, retrieval }: (typeof read)[number]) => normaliseUri(doc.uri) === normaliseUri(retrieval);
    for (const r of read) {
      const owner = servedAtOwnId(r) ? undefined : this.pending.get(normaliseUri(r.doc.uri));
      if (owner) this.read([owner]);
    }
    // While they are registered, asking who holds their $id reads nothing more (a copy elsewhere would take it first).
    this.registering = true;
    let added: SchemaDocument[];
    try {
      added = [...read.filter(servedAtOwnId), ...read.filter((r) => !servedAtOwnId(r))].map((r) => {
        const doc = withOwnUri(this.registry, r.doc, r.retrieval).doc;
        this.registry.add(doc, [r.retrieval]);
        return doc;
      });
    } finally {
      this.registering = false;
    }
    // What they refer to is read now too: the oracle and the adapters are given every document the targets can reach.
    for (const doc of added) this.readReferencedBy(doc);
  }

  /** Reads the pending files the document's `$ref`s are served at (and theirs, as each is read). */
  private readReferencedBy(doc: SchemaDocument): void {
    walkSchemas(doc, (schema, pointer, dialect) => {
      const refs = referencesOf(dialect).filter((k) => typeof schema[k] === "string");
      if (refs.length === 0 || this.pending.size === 0) return;
      const base = this.registry.locate(doc, pointer)?.base ?? doc.uri;
      for (const k of refs) this.registry.document(resolveUri(base, schema[k] as string));
    });
  }
}
