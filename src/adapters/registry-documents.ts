import type { SchemaDocument, SchemaRegistry } from "../schema/registry.js";
import type { EngineDocument } from "./inprocess/engine.js";

const names = new WeakMap<SchemaRegistry, number>();
let nextName = 1;

/**
 * A name for the registry as it is now. Registries only grow, so the document count tells
 * an extended registry apart from the one a worker already holds.
 */
export function registryName(registry: SchemaRegistry): string {
  let id = names.get(registry);
  if (id === undefined) {
    id = nextName++;
    names.set(registry, id);
  }
  return `registry-${id}-${registry.documents.size}`;
}

/** Every document once, with the other URIs it was registered under, as plain data for a worker. */
export function registryDocuments(registry: SchemaRegistry): EngineDocument[] {
  const byDocument = new Map<SchemaDocument, EngineDocument>();
  for (const [uri, doc] of registry.documents) {
    const entry = byDocument.get(doc);
    if (!entry) byDocument.set(doc, { uri, aliases: [], dialect: doc.dialect, declaresDialect: doc.declaresDialect, schema: doc.schema });
    else entry.aliases.push(uri);
  }
  return [...byDocument.values()];
}
