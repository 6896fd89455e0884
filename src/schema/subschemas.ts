import { keywordsWithSubschemas } from "../keywords/registry.js";
import { isObject, type JsonSchema } from "./json.js";

type Subschema = { tokens: string[]; schema: JsonSchema };

function isSchema(v: unknown): v is JsonSchema {
  return typeof v === "boolean" || isObject(v);
}

/**
 * Every direct subschema of `schema` with the pointer tokens that lead to it, where each
 * keyword's module says its subschemas are (src/keywords/). Dialect-blind: `items` is read as
 * one schema or a list, whichever is written.
 */
export function directSubschemas(schema: JsonSchema): Subschema[] {
  if (!isObject(schema)) return [];
  const out: Subschema[] = [];
  for (const { name, subschemas } of keywordsWithSubschemas()) {
    const v = schema[name];
    if (v === undefined) continue;
    if (subschemas === "one" || subschemas === "items") {
      if (isSchema(v)) out.push({ tokens: [name], schema: v });
    }
    if ((subschemas === "list" || subschemas === "items") && Array.isArray(v)) {
      v.forEach((s, i) => isSchema(s) && out.push({ tokens: [name, String(i)], schema: s }));
    }
    if ((subschemas === "map" || subschemas === "dependencies") && isObject(v)) {
      for (const [key, s] of Object.entries(v)) if (isSchema(s)) out.push({ tokens: [name, key], schema: s });
    }
  }
  return out;
}
