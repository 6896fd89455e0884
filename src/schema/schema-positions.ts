import { keywordsWithSubschemas } from "../keywords/registry.js";
import { isObject } from "./json.js";
import { joinPointer } from "./pointer.js";

/**
 * The pointer of the first place where a schema is expected and something that is neither an
 * object nor a boolean stands (`"properties": {"required": ["a"]}`), or undefined. ajv compiles
 * some of these without a word; nothing else can read them, so they are never read leniently.
 * (`additionalProperties`, `items` and `additionalItems` may also be booleans in draft-04, and
 * `dependencies` values may be arrays of names, so only schema-or-nothing positions are checked.)
 */
export function firstNonSchema(root: unknown): string | undefined {
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: root, pointer: "" }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (!isObject(node)) {
      if (typeof node !== "boolean") return pointer;
      continue;
    }
    const children: Array<{ node: unknown; pointer: string }> = [];
    for (const { name, subschemas } of keywordsWithSubschemas()) {
      if (!(name in node) || subschemas === "dependencies") continue;
      const v = node[name];
      if (subschemas === "one" || (subschemas === "items" && !Array.isArray(v))) children.push({ node: v, pointer: joinPointer(pointer, name) });
      else if ((subschemas === "list" || subschemas === "items") && Array.isArray(v)) v.forEach((s, i) => children.push({ node: s, pointer: joinPointer(pointer, name, i) }));
      else if (subschemas === "map" && isObject(v)) for (const [key, s] of Object.entries(v)) children.push({ node: s, pointer: joinPointer(pointer, name, key) });
    }
    stack.push(...children.reverse());
  }
  return undefined;
}
