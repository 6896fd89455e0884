import { isObject, type JsonSchema } from "./json.js";

/** Keywords whose value is one subschema. */
const SINGLE = [
  "additionalProperties", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else",
  "unevaluatedItems", "unevaluatedProperties", "contentSchema", "items",
];
/** Keywords whose value is an array of subschemas. */
const LIST = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];
/** Keywords whose value maps names to subschemas. */
const MAP = ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "dependencies"];

/** Every direct subschema of `schema` with the pointer tokens that lead to it. */
export function directSubschemas(schema: JsonSchema): Array<{ tokens: string[]; schema: JsonSchema }> {
  if (!isObject(schema)) return [];
  const out: Array<{ tokens: string[]; schema: JsonSchema }> = [];
  const isSchema = (v: unknown): v is JsonSchema => typeof v === "boolean" || isObject(v);
  for (const k of SINGLE) {
    const v = schema[k];
    if (isSchema(v)) out.push({ tokens: [k], schema: v });
  }
  for (const k of LIST) {
    const v = schema[k];
    if (Array.isArray(v)) v.forEach((s, i) => isSchema(s) && out.push({ tokens: [k, String(i)], schema: s }));
  }
  for (const k of MAP) {
    const v = schema[k];
    if (isObject(v)) {
      for (const [name, s] of Object.entries(v)) if (isSchema(s)) out.push({ tokens: [k, name], schema: s });
    }
  }
  return out;
}
