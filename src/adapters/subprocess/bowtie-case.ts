import { referencesOf } from "../../keywords/registry.js";
import { walkSchemas } from "../../schema/check-refs.js";
import { idKeyword, type Dialect } from "../../schema/dialect.js";
import { isObject, type JsonObject, type JsonSchema } from "../../schema/json.js";
import { allMetaSchemaDocuments } from "../../schema/meta-schemas.js";
import { fragmentOf, isAbsoluteUri, normaliseUri, resolveUri, stripFragment } from "../../schema/uri.js";
import { fragmentToPointer, parsePointer } from "../../schema/pointer.js";
import type { SchemaDocument, SchemaRegistry } from "../../schema/registry.js";
import type { Target } from "../../schema/target.js";

/**
 * Cases shaped as Bowtie shapes them: the schema under test, and a registry holding only the
 * other documents the case reaches by reference, each once under one retrieval URI that is
 * never a `file:` URI, and no dialect meta-schema (every harness has its own). Harnesses may
 * refuse anything else, and Bowtie's hyperjump harness does.
 */
export interface BowtieCase {
  schema: JsonSchema;
  registry: Record<string, JsonSchema>;
}

/** Where local files live in a case: their path under a host no one owns, so relative refs between files still resolve. */
const FILE_HOST = "https://file.schema-conform.invalid";

/** The URI a case uses for `uri`: a `file:` URI becomes `FILE_HOST` + its path; any other URI stays. */
export function caseUri(uri: string): string {
  return uri.startsWith("file://") ? FILE_HOST + uri.slice("file://".length) : uri;
}

/** The URI the run knows for a URI a case used (a harness message names these). */
export function runUri(uri: string): string {
  return uri.startsWith(FILE_HOST + "/") ? "file://" + uri.slice(FILE_HOST.length) : uri;
}

/** Every case URI in `text` written back as the run's URI. */
export function runUrisIn(text: string): string {
  return text.split(FILE_HOST + "/").join("file:///");
}

/** What a case needs from the registry, per target document. */
interface Reach {
  own: SchemaDocument | undefined;
  documents: SchemaDocument[];
  aliases: Map<string, AliasUse>;
  /** True when the document can go inline without its URI: its references are local ("#…") or absolute, and no other document refers back to it. */
  standsAlone: boolean;
  /** The registry of the case, with and without the target's own document. */
  registry: { inline?: Record<string, JsonSchema>; byRef?: Record<string, JsonSchema> };
}

const reaches = new WeakMap<SchemaRegistry, Map<string, Reach>>();

/** The case for a target; what it reaches is computed once per (registry, target document). */
export function bowtieCase(target: Target): BowtieCase {
  const reach = reachOf(target);
  const inline = sendsItself(target, reach);
  const key = inline ? "inline" : "byRef";
  const registry = (reach.registry[key] ??= caseRegistry(reach, inline));
  return { schema: inline ? target.schema : { $ref: caseUri(target.uri) }, registry };
}

function reachOf(target: Target): Reach {
  let byDocument = reaches.get(target.registry);
  if (!byDocument) reaches.set(target.registry, (byDocument = new Map()));
  let reach = byDocument.get(target.documentUri);
  if (!reach) byDocument.set(target.documentUri, (reach = reachedDocuments(target.registry.document(target.documentUri), target.registry)));
  return reach;
}

/**
 * A target goes inline, as Bowtie sends a case, when it is a whole document that names itself
 * with an absolute non-file id, or needs no URI of its own (a boolean, or a document whose
 * references are local or absolute): the harness then sees the schema the user wrote, even
 * one whose `$schema` is a custom meta-schema. Anything else (a definition of a bundle, a file
 * with references relative to its path) goes as `{"$ref": uri}`, its document in the registry,
 * which keeps its base URI.
 */
function sendsItself(target: Target, reach: Reach): boolean {
  // A whole document: the target is its document's root (a suite group's pointer names the
  // group in the suite file, not a place inside the document: its schema is still a whole
  // document, and a $ref wrapper would start the dynamic scope outside it: $recursiveRef).
  if (target.uri !== target.documentUri || target.registry.document(target.documentUri)?.schema !== target.schema) return false;
  if (typeof target.schema === "boolean") return true;
  const id = target.schema[idKeyword(target.dialect)];
  if (typeof id === "string" && isAbsoluteUri(id)) return !id.startsWith("file:") && normaliseUri(stripFragment(id)) === target.uri;
  return id === undefined && reach.standsAlone;
}

function caseRegistry(reach: Reach, inline: boolean): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const doc of reach.documents) if (!(inline && doc === reach.own)) out[caseUri(doc.uri)] = doc.schema;
  for (const [alias, { primary, fragments }] of reach.aliases) {
    const uri = caseUri(alias);
    if (!(uri in out)) out[uri] = aliasDocument(caseUri(primary), fragments);
  }
  return out;
}

interface AliasUse {
  /** The URI the document is registered under in the case. */
  primary: string;
  /** The fragments references used after the alias ("" for the whole document). */
  fragments: Set<string>;
}

/**
 * The documents `root` reaches by reference or by a custom `$schema`, transitively (itself
 * included), leaving out the dialects' meta-schemas; every other URI of a reached document
 * that a reference used; and whether `root` could go without a URI of its own.
 */
function reachedDocuments(root: SchemaDocument | undefined, registry: SchemaRegistry): Reach {
  const reach: Reach = { own: root, documents: root ? [root] : [], aliases: new Map(), standsAlone: true, registry: {} };
  const metaUris = new Set(allMetaSchemaDocuments().map((d) => d.uri));
  const keywordsOf = new Map<Dialect, string[]>();
  const referenceKeywords = (dialect: Dialect) => keywordsOf.get(dialect) ?? keywordsOf.set(dialect, referencesOf(dialect)).get(dialect)!;
  const seen = new Set(reach.documents);
  for (let i = 0; i < reach.documents.length; i++) {
    const doc = reach.documents[i]!;
    walkSchemas(doc, (schema, pointer, dialect) => {
      for (const ref of referencesIn(schema, referenceKeywords(dialect))) {
        const reached = resolveReference(registry, doc, pointer, ref);
        if (doc === root && !ref.startsWith("#") && !isAbsoluteUri(ref)) reach.standsAlone = false;
        if (!reached || metaUris.has(reached.document.uri)) continue;
        if (reached.document === root && doc !== root) reach.standsAlone = false;
        noteAlias(registry, reached.absolute, reach.aliases);
        if (!seen.has(reached.document)) {
          seen.add(reached.document);
          reach.documents.push(reached.document);
        }
      }
    });
  }
  return reach;
}

/** The references of one schema object: its reference keywords, and a `$schema` (a custom meta-schema is a document the case needs). */
function referencesIn(schema: JsonObject, keywords: string[]): string[] {
  const refs = keywords.map((k) => schema[k]).filter((r): r is string => typeof r === "string");
  return typeof schema.$schema === "string" ? [...refs, schema.$schema] : refs;
}

function resolveReference(registry: SchemaRegistry, doc: SchemaDocument, pointer: string, ref: string): { absolute: string; document: SchemaDocument } | undefined {
  const from = registry.locate(doc, pointer);
  if (!from) return undefined;
  try {
    const found = registry.resolve(from, ref, pointer);
    return { absolute: resolveUri(from.base, ref), document: found.document };
  } catch {
    return undefined; // an unresolvable reference was reported before the run; the harness will say what it makes of it
  }
}

/** A reference through a URI that is not the base its resource knows itself by (a file path beside an `$id`) uses an alias. */
function noteAlias(registry: SchemaRegistry, absolute: string, aliases: Map<string, AliasUse>): void {
  const resource = normaliseUri(stripFragment(absolute));
  const found = registry.lookup(resource);
  if (!found || normaliseUri(found.base) === resource || found.pointer !== "") return;
  let use = aliases.get(resource);
  if (!use) aliases.set(resource, (use = { primary: found.base, fragments: new Set() }));
  use.fragments.add(fragmentOf(absolute));
}

/**
 * A document served under an alias: `{"$ref": primary}` when only the whole document is
 * used. Each JSON-pointer fragment used through the alias gets a `$ref` to the same place of
 * the primary at the same pointer; the root then refers to the primary through `allOf`,
 * since in draft-07 and earlier a `$ref` hides its siblings (hyperjump drops them). An anchor
 * through an alias never gets here: the registry resolves anchors by their resource's own URI.
 */
function aliasDocument(primary: string, fragments: Set<string>): JsonSchema {
  const pointers = [...fragments].filter((f) => f.startsWith("/")).sort((a, b) => a.length - b.length);
  if (pointers.length === 0) return { $ref: primary };
  const stub: JsonObject = { allOf: [{ $ref: primary }] };
  for (const fragment of pointers) setRefAt(stub, parsePointer(fragmentToPointer(fragment)), `${primary}#${fragment}`);
  return stub;
}

/** Puts `{"$ref": uri}` at the pointer's place; a place that already refers gets its children beside an `allOf`. */
function setRefAt(stub: JsonObject, tokens: string[], uri: string): void {
  let node = stub;
  for (const token of tokens) {
    const next = node[token];
    if (!isObject(next)) node[token] = {};
    else if (typeof next.$ref === "string") node[token] = { allOf: [{ $ref: next.$ref }] };
    node = node[token] as JsonObject;
  }
  if (Object.keys(node).length === 0) node.$ref = uri;
  else node.allOf = [...(Array.isArray(node.allOf) ? node.allOf : []), { $ref: uri }];
}
