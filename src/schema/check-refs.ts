import { isObject } from "./json.js";
import { joinPointer } from "./pointer.js";
import type { Located, SchemaDocument, SchemaRegistry } from "./registry.js";
import { directSubschemas } from "./subschemas.js";

/**
 * Resolves every `$ref` of a document once, up front, so an unresolvable one is reported
 * (file + pointer) before any work starts. Throws the InputError of the first one.
 */
export function checkReferences(doc: SchemaDocument, registry: SchemaRegistry): void {
  const root = registry.locate(doc, "");
  if (root) visit(root, registry);
}

function visit(l: Located, registry: SchemaRegistry): void {
  if (!isObject(l.schema)) return;
  for (const keyword of ["$ref", "$dynamicRef"]) {
    const ref = l.schema[keyword];
    if (typeof ref === "string") registry.resolve(l, ref, joinPointer(l.pointer, keyword));
  }
  for (const sub of directSubschemas(l.schema)) {
    const child = registry.locate(l.document, joinPointer(l.pointer, ...sub.tokens));
    if (child) visit(child, registry);
  }
}
