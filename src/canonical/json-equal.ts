import stringify from "fast-json-stable-stringify";

/** JSON equality as JSON Schema means it: key order ignored, 1 and 1.0 equal. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/** A string that is equal for JSON-equal values (keys sorted; 1.0 and -0 print as 1 and 0). */
export function canonicalJson(v: unknown): string {
  return stringify(v);
}

/**
 * The values of `values`, each JSON-equal group once (the first kept), in order. Linear: values
 * are compared by their canonical JSON in a set, so a 100,000-value enum is not quadratic.
 */
export function uniqueJson<T>(values: readonly T[]): T[] {
  return uniqueBy(values, canonicalJson);
}

/** The items whose `key` was not seen before, in order (the first of each key kept). */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The values of `values` JSON-equal to some value of `allowed`, in the order of `values`; linear. */
export function intersectJson<T>(values: readonly T[], allowed: readonly unknown[]): T[] {
  const keys = new Set(allowed.map(canonicalJson));
  return values.filter((v) => keys.has(canonicalJson(v)));
}
