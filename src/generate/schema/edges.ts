/**
 * The values random schemas are weighted toward: each list holds what has broken, or is
 * known to split, validators (README "Bugs found so far"): float edges for bounds and
 * multipleOf, property names an object prototype has, patterns whose meaning differs
 * between ECMA-262 and other regex engines.
 */
import fc, { type Arbitrary } from "fast-check";

/** Numbers at float and integer edges; ±0 are one value in JSON, so -0 is never written. */
export const EDGE_NUMBERS: readonly number[] = [
  0, 1, -1, 0.1, 0.5, 1.5, 2 ** 53, 2 ** 53 - 1, -(2 ** 53 - 1), 5e-324, 1e308, -1e308, 1e21, 1e-7, 0.07, 4503599627370495,
];

/** Divisors for multipleOf where float division is inexact or underflows. */
export const EDGE_DIVISORS: readonly number[] = [0.01, 0.1, 0.3, 1.5, 2, 1e-8, 0.0001, 0.123456789, 3, 1];

/** Property names: what `Object.prototype` has, the empty name, digits, non-ASCII and line separators, a keyword. */
export const EDGE_NAMES: readonly string[] = ["a", "b", "__proto__", "constructor", "toString", "hasOwnProperty", "", "0", "length", "é", "\u2028", "$ref", "a b"];

/**
 * Patterns (ECMA-262 with the `u` flag) whose readings differ by engine: `$` before a final
 * "\n" (Python's re), `\w`/`\d`/`\b` (Unicode in Python), `.` and line terminators, `\p{…}`,
 * astral code points counted as one or two, named groups, lookahead, empty and anchored forms.
 */
export const EDGE_PATTERNS: readonly string[] = [
  "^[a-z]+$", "^a", "a$", "\\w", "^\\w+$", "^\\d+$", "^.$", "^.*$", "\\p{L}", "^\\p{Lu}", "^.{2}$", "[^a]", "^$", "\\bx",
  "^(?<y>\\d{2})$", "^(?!x)", "[\\u0100-\\uffff]", "^\\S*$", "^(a|ab)c$", "[😀]",
];

/** The formats the specification defines (every dialect's; older dialects read the newer names as unknown). */
export const FORMAT_NAMES: readonly string[] = [
  "date", "date-time", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference",
  "iri", "iri-reference", "uri-template", "uuid", "json-pointer", "relative-json-pointer", "regex",
];

export const TYPE_NAMES: readonly string[] = ["null", "boolean", "object", "array", "number", "string", "integer"];

/** A number: an edge value two times in three, else a small integer or any finite double. */
export function edgeNumber(): Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
    { weight: 1, arbitrary: fc.integer({ min: -100, max: 100 }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero) },
  );
}

export function edgeDivisor(): Arbitrary<number> {
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...EDGE_DIVISORS) }, { weight: 1, arbitrary: fc.double({ min: 1e-6, max: 1e6, noNaN: true }).filter((d) => d > 0) });
}

export function edgeName(): Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...EDGE_NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: "binary" }) });
}

/** JSON values for enum/const: small, with edge numbers and names among them. */
export function edgeJson(): Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, false, true, "", [], {}, 1.0, 0, "__proto__", [0], { a: null }) },
    { weight: 1, arbitrary: edgeNumber() },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }).map(withoutNegativeZero) },
  );
}

function noNegativeZero(n: number): number {
  return Object.is(n, -0) ? 0 : n;
}

/** The same JSON value with every -0 written as 0 (JSON has one zero). */
function withoutNegativeZero(v: unknown): unknown {
  if (typeof v === "number") return noNegativeZero(v);
  if (Array.isArray(v)) return v.map(withoutNegativeZero);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutNegativeZero(x)]));
  return v;
}
