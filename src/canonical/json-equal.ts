import stringify from "fast-json-stable-stringify";

/** JSON equality as JSON Schema means it: key order ignored, 1 and 1.0 equal. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/** A string that is equal for JSON-equal values (keys sorted). */
export function canonicalJson(v: unknown): string {
  return stringify(v);
}
