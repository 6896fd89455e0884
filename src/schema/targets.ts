import { isObject } from "./json.js";
import { joinPointer, pointerToFragment } from "./pointer.js";
import type { SchemaDocument, SchemaRegistry } from "./registry.js";
import type { Target } from "./target.js";

export interface TargetOptions {
  /** Every entry of `definitions` / `$defs` becomes its own target (bundles). */
  definitions: boolean;
}

/** The targets of a run: each document's root, or with `definitions`, each definition of each document. */
export function listTargets(documents: SchemaDocument[], registry: SchemaRegistry, options: TargetOptions): Target[] {
  return documents.flatMap((doc) => (options.definitions ? definitionTargets(doc, registry) : [rootTarget(doc, registry)]));
}

function rootTarget(doc: SchemaDocument, registry: SchemaRegistry): Target {
  return { id: doc.file, file: doc.file, pointer: "", documentUri: doc.uri, uri: doc.uri, dialect: doc.dialect, schema: doc.schema, registry };
}

/** A document with no definitions is its own single target, so a folder can mix bundles and plain schemas. */
function definitionTargets(doc: SchemaDocument, registry: SchemaRegistry): Target[] {
  if (!isObject(doc.schema)) return [rootTarget(doc, registry)];
  const out: Target[] = [];
  for (const container of ["definitions", "$defs"]) {
    const defs = doc.schema[container];
    if (!isObject(defs)) continue;
    for (const [name, schema] of Object.entries(defs)) {
      if (typeof schema !== "boolean" && !isObject(schema)) continue;
      const pointer = joinPointer("", container, name);
      const located = registry.locate(doc, pointer);
      out.push({
        id: `${doc.file}#${pointer}`,
        file: doc.file,
        pointer,
        documentUri: doc.uri,
        uri: `${doc.uri}#${pointerToFragment(pointer)}`,
        dialect: located?.dialect ?? doc.dialect,
        schema,
        registry,
      });
    }
  }
  return out.length > 0 ? out : [rootTarget(doc, registry)];
}
