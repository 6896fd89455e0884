/** JSON values and schemas as schema-conform sees them. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** A schema is an object or, from draft-06 on, a boolean. */
export type JsonSchema = boolean | JsonObject;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
