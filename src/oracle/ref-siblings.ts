import { refHidesSiblings } from "../keywords/dialects.js";
import { isKeptBesideRef, subschemaShape } from "../keywords/registry.js";
import type { Dialect } from "../schema/dialect.js";
import { isObject, type JsonSchema } from "../schema/json.js";

/**
 * The document as the specification reads it in draft-04/06/07: every keyword beside `$ref`
 * is ignored (`$id` included), which ajv does not do. The oracle compiles this reading, so
 * `{"$ref": …, "maxItems": 2}` does not make ajv reject what every draft-07 validator
 * rightly accepts (found by fuzzing the suite's ref.json). Later dialects are unchanged.
 * What stays beside `$ref` (definitions, which other refs point into) is each keyword module's say.
 */
export function specReading(schema: JsonSchema, dialect: Dialect): JsonSchema {
  if (!refHidesSiblings(dialect)) return schema;
  return withoutRefSiblings(schema) as JsonSchema;
}

function withoutRefSiblings(node: unknown): unknown {
  if (!isObject(node)) return node;
  const hasRef = typeof node.$ref === "string";
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (hasRef && !isKeptBesideRef(key)) continue;
    Object.defineProperty(out, key, { value: subschemasRead(key, value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The keyword's value with each of its subschemas read the same way (data such as enum values untouched). */
function subschemasRead(key: string, value: unknown): unknown {
  const shape = subschemaShape(key);
  if (shape === undefined) return value;
  if (Array.isArray(value)) return shape === "list" || shape === "items" ? value.map(withoutRefSiblings) : value;
  if (!isObject(value)) return value;
  if (shape === "map" || shape === "dependencies") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : withoutRefSiblings(v)]));
  }
  return withoutRefSiblings(value);
}
