import { idKeyword } from "./dialect.js";
import { isObject } from "./json.js";
import type { SchemaDocument, SchemaRegistry } from "./registry.js";
import { normaliseUri } from "./uri.js";

/** A document read under its own URI because another document of the run already has its `$id`. */
export interface ShadowedId {
  file: string;
  id: string;
  /** The file of the document that keeps the `$id`. */
  keptBy: string;
  /** The URI this document is read under instead. */
  readAs: string;
}

/**
 * Catalogs copy a schema's `$id` into its versioned files (SchemaStore: anywork-ac-1.0 and
 * -1.1, four utam-page-object files). The first document loaded keeps the `$id`, so a `$ref`
 * to it means one document; each later one is read under its own retrieval URI, its root
 * `$id` rewritten to match, so that it is generated and judged as itself and not as the
 * first (the oracle compiled anywork-ac-1.0 for anywork-ac-1.1 and rejected its valid
 * instances). Relative `$ref`s keep their meaning when both URIs share a folder, as
 * versioned copies do.
 */
export function withOwnUri(registry: SchemaRegistry, doc: SchemaDocument, retrievalUri: string): { doc: SchemaDocument; shadowed?: ShadowedId } {
  const holder = registry.document(doc.uri);
  if (!holder || holder === doc || holder.file === doc.file || normaliseUri(doc.uri) === normaliseUri(retrievalUri) || !isObject(doc.schema)) return { doc };
  const id = idKeyword(doc.dialect);
  const schema = { ...doc.schema, [id]: retrievalUri };
  return {
    doc: { ...doc, uri: retrievalUri, schema },
    shadowed: { file: doc.file, id: doc.uri, keptBy: holder.file, readAs: retrievalUri },
  };
}
