import { idKeyword, type Dialect } from "../../schema/dialect.js";
import type { JsonSchema } from "../../schema/json.js";
import type { FormatPolicy } from "../../oracle/format-policy.js";

/** One loaded document, as a worker receives it: plain data, no methods. */
export interface EngineDocument {
  /** The URI the registry knows it by (its `$id`, or its file/remote URI). */
  uri: string;
  /** Other URIs the same document was registered under. */
  aliases: string[];
  dialect: Dialect;
  declaresDialect: boolean;
  schema: JsonSchema;
}

/** What a validator is asked to compile: the target's URI, resolvable among `documents`. */
export interface CompileRequest {
  /** Stable for one registry: engines may keep a validator instance per name and dialect. */
  registryName: string;
  documents: EngineDocument[];
  uri: string;
  dialect: Dialect;
}

/** Set once per worker: what stays fixed for one adapter instance. */
export interface EngineOptions {
  formats: FormatPolicy;
}

/** Says whether one instance is valid; runs inside a worker and may run away. */
export type InstanceCheck = (instance: unknown) => boolean;

/** A loaded validator library (inside a worker). A throw from compile means "cannot take this schema". */
export interface Engine {
  compile(request: CompileRequest): InstanceCheck | Promise<InstanceCheck>;
}

/**
 * One in-process validator: what the main thread needs to know about it without loading it,
 * and how a worker loads it. `load` imports the library lazily so that a missing optional
 * package only makes that adapter unavailable.
 */
export interface InProcessDefinition {
  /** Spec name, e.g. "cfworker". */
  name: string;
  /** npm package whose version is reported. */
  packageName: string;
  /** Dialects the library itself claims to support (the oldest supported release's, when they differ by version). */
  dialects: readonly Dialect[];
  /** The dialects of an installed version, when releases differ. */
  dialectsOf?(version: string): readonly Dialect[];
  load(options: EngineOptions): Promise<Engine>;
}

/** Every URI a document answers to. */
export function urisOf(doc: EngineDocument): string[] {
  return [doc.uri, ...doc.aliases];
}

/**
 * The document with its retrieval URI written in as its id when it has none: libraries that
 * take documents without a retrieval URI of their own resolve relative `$ref`s against the id.
 */
export function withOwnId(schema: JsonSchema, uri: string, keyword: "id" | "$id"): JsonSchema {
  if (typeof schema !== "object" || typeof schema[keyword] === "string") return schema;
  return { [keyword]: uri, ...schema };
}

/**
 * The URIs a document answers to besides its own id (a remote's retrieval URL beside a `$id`
 * that names another place), each with that id. Libraries file a document under its id
 * whatever URI it is added with, so each such alias is served by a document of its own,
 * `{"$ref": id}`: adding the same object twice would fix its base URI twice.
 */
export function idAliases(doc: EngineDocument): Array<{ alias: string; id: string }> {
  if (typeof doc.schema !== "object") return [];
  const own = doc.schema[idKeyword(doc.dialect)];
  if (typeof own !== "string" || own.startsWith("#")) return [];
  const id = absoluteId(own, doc.uri);
  return urisOf(doc).filter((uri) => uri !== id).map((alias) => ({ alias, id }));
}

/** An id resolved against the document's URI, without an empty fragment. */
export function absoluteId(id: string, base: string): string {
  try {
    return new URL(id, base).href.replace(/#$/, "");
  } catch {
    return id.replace(/#$/, ""); // a urn: base, against which nothing relative resolves
  }
}
