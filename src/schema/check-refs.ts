import { referencesOf } from "../keywords/registry.js";
import { dialectFromUri, type Dialect } from "./dialect.js";
import { isObject, type JsonObject } from "./json.js";
import { joinPointer } from "./pointer.js";
import type { SchemaDocument, SchemaRegistry } from "./registry.js";
import { directSubschemas } from "./subschemas.js";

/**
 * Resolves every `$ref` of a document once, up front, so an unresolvable one is reported
 * (file + pointer) before any work starts. Throws the InputError of the first one.
 */
export function checkReferences(doc: SchemaDocument, registry: SchemaRegistry): void {
  walkSchemas(doc, (schema, pointer, dialect) => {
    const refs = referencesOf(dialect).filter((k) => typeof schema[k] === "string");
    if (refs.length === 0) return;
    const located = registry.locate(doc, pointer)!;
    for (const keyword of refs) registry.resolve(located, schema[keyword] as string, joinPointer(pointer, keyword));
  });
}

/**
 * Calls `visit` on every schema object of the document, parents first, with its pointer and
 * dialect (a nested `$schema` beside an `$id` changes it, as in the registry). An explicit stack:
 * documents may nest deeply. Cheaper than locating each schema: callers locate only what they need.
 */
export function walkSchemas(doc: SchemaDocument, visit: (schema: JsonObject, pointer: string, dialect: Dialect) => void): void {
  const stack: Array<{ schema: unknown; pointer: string; dialect: Dialect }> = [{ schema: doc.schema, pointer: "", dialect: doc.dialect }];
  while (stack.length > 0) {
    const { schema, pointer, dialect: outer } = stack.pop()!;
    if (!isObject(schema)) continue;
    const dialect = nestedDialect(schema, outer);
    visit(schema, pointer, dialect);
    const children = directSubschemas(schema);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ schema: children[i]!.schema, pointer: joinPointer(pointer, ...children[i]!.tokens), dialect });
  }
}

function nestedDialect(schema: JsonObject, current: Dialect): Dialect {
  if (typeof schema.$schema !== "string" || (schema.$id === undefined && schema.id === undefined)) return current;
  return dialectFromUri(schema.$schema) ?? current;
}
