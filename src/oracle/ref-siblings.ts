import type { Dialect } from "../schema/dialect.js";
import { isObject, type JsonSchema } from "../schema/json.js";

/** Beside `$ref`, these still matter in draft-07 and earlier: they hold schemas other refs point into. */
const KEPT_BESIDE_REF = new Set(["$ref", "definitions", "$comment", "title", "description"]);

/** Keywords whose values are schemas, maps of schemas or lists of schemas (not enum/const data). */
const SCHEMA_VALUED = new Set([
  "additionalProperties", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else", "items",
  "allOf", "anyOf", "oneOf", "properties", "patternProperties", "definitions", "dependencies",
]);

/**
 * The document as the specification reads it in draft-04/06/07: every keyword beside `$ref`
 * is ignored (`$id` included), which ajv does not do. The oracle compiles this reading, so
 * `{"$ref": …, "maxItems": 2}` does not make ajv reject what every draft-07 validator
 * rightly accepts (found by fuzzing the suite's ref.json). Later dialects are unchanged.
 */
export function specReading(schema: JsonSchema, dialect: Dialect): JsonSchema {
  if (dialect !== "draft-04" && dialect !== "draft-06" && dialect !== "draft-07") return schema;
  return withoutRefSiblings(schema) as JsonSchema;
}

function withoutRefSiblings(node: unknown): unknown {
  if (!isObject(node)) return node;
  const hasRef = typeof node.$ref === "string";
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (hasRef && !KEPT_BESIDE_REF.has(key)) continue;
    Object.defineProperty(out, key, { value: SCHEMA_VALUED.has(key) ? mapSchemas(key, value) : value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function mapSchemas(key: string, value: unknown): unknown {
  if (Array.isArray(value)) return key === "dependencies" ? value : value.map(withoutRefSiblings);
  if (!isObject(value)) return value;
  if (key === "properties" || key === "patternProperties" || key === "definitions" || key === "dependencies") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : withoutRefSiblings(v)]));
  }
  return withoutRefSiblings(value);
}
