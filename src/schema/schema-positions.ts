import { isObject } from "./json.js";
import { joinPointer } from "./pointer.js";

const SINGLE = ["additionalProperties", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
const LIST = ["allOf", "anyOf", "oneOf", "prefixItems"];
const MAP = ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"];

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
    for (const k of SINGLE) if (k in node) children.push({ node: node[k], pointer: joinPointer(pointer, k) });
    for (const k of LIST) if (Array.isArray(node[k])) (node[k] as unknown[]).forEach((s, i) => children.push({ node: s, pointer: joinPointer(pointer, k, i) }));
    for (const k of MAP) if (isObject(node[k])) for (const [name, s] of Object.entries(node[k])) children.push({ node: s, pointer: joinPointer(pointer, k, name) });
    const items = node.items;
    if (Array.isArray(items)) items.forEach((s, i) => children.push({ node: s, pointer: joinPointer(pointer, "items", i) }));
    else if ("items" in node) children.push({ node: items, pointer: joinPointer(pointer, "items") });
    stack.push(...children.reverse());
  }
  return undefined;
}
