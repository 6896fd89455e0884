import { isObject } from "./json.js";
import { joinPointer } from "./pointer.js";
import type { Located, SchemaDocument, SchemaRegistry } from "./registry.js";
import { directSubschemas } from "./subschemas.js";

/**
 * Resolves every `$ref` of a document once, up front, so an unresolvable one is reported
 * (file + pointer) before any work starts. Throws the InputError of the first one.
 */
export function checkReferences(doc: SchemaDocument, registry: SchemaRegistry): void {
  walkDocument(doc, registry, (l) => {
    if (!isObject(l.schema)) return;
    for (const keyword of ["$ref", "$dynamicRef"]) {
      const ref = l.schema[keyword];
      if (typeof ref === "string") registry.resolve(l, ref, joinPointer(l.pointer, keyword));
    }
  });
}

/** Calls `visit` on every schema of the document, parents first, with an explicit stack (documents may nest deeply). */
export function walkDocument(doc: SchemaDocument, registry: SchemaRegistry, visit: (l: Located) => void): void {
  const root = registry.locate(doc, "");
  const stack: Located[] = root ? [root] : [];
  while (stack.length > 0) {
    const l = stack.pop()!;
    visit(l);
    const children = directSubschemas(l.schema);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = registry.locate(l.document, joinPointer(l.pointer, ...children[i]!.tokens));
      if (child) stack.push(child);
    }
  }
}
