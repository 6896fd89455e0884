import { isObject } from "../schema/json.js";
import type { Located } from "../schema/registry.js";
import type { JsonType } from "./canon.js";
import { instanceTypeOf, isAppliedIn, isEvaluated } from "../keywords/registry.js";
import { intersectTypes } from "./types.js";
import { Unsatisfiable } from "./unsatisfiable.js";

/**
 * Rewrites negations that need no search: `not: true` and `not` of a schema with no
 * assertion are unsatisfiable; `not: false` is dropped; `not: {type: X}` removes X from the
 * allowed types; `not` of keywords of a single type family (e.g. `not: {minLength: 1}`) keeps
 * only that family's type, since every other type satisfies the negated schema; `not` of a
 * schema that requires a key leaves that key out of objects. What remains is left for the
 * generator's bounded check.
 */
export function absorbNegations(types: JsonType[], nots: Located[], required: ReadonlySet<string> = new Set()): { types: JsonType[]; nots: Located[]; forbid: string[]; require: string[] } {
  const kept: Located[] = [];
  const forbid: string[] = [];
  const require: string[] = [];
  for (const n of nots) {
    const s = n.schema;
    if (s === true) throw new Unsatisfiable(`not: true at ${n.pointer}`);
    if (s === false || !isObject(s)) continue;
    const keywords = Object.keys(s).filter((k) => asserts(k, s, n));
    if (keywords.length === 0) throw new Unsatisfiable(`not of a schema that accepts everything at ${n.pointer || "/"}`);
    if (keywords.length === 1 && keywords[0] === "type") {
      types = withoutTypes(types, n, kept);
      continue;
    }
    const families = new Set(keywords.map((k) => instanceTypeOf(k, s)));
    const [only] = families;
    if (families.size === 1 && only !== undefined) types = intersectTypes(types, [only]);
    const absent = keyToOmit(s, required);
    if (absent !== undefined) forbid.push(absent);
    // `not: {required: [...]}` alone, on objects only, with a key left out: settled by construction.
    if (absent !== undefined && keywords.length === 1 && types.every((t) => t === "object")) continue;
    const present = keyToInclude(keywords, s);
    if (present !== undefined && types.length === 1 && types[0] === "object") require.push(present);
    kept.push(n);
  }
  return { types, nots: kept, forbid, require };
}

/**
 * An object without one of the keys a negated schema requires fails that schema, so it
 * satisfies the negation: leaving such a key out builds `not: {required: [...]}` (and the
 * if/oneOf conditions made of it) instead of filtering for it. Only a key the rest of the
 * conjunction does not require is chosen; the negation stays as a check for other types.
 */
function keyToOmit(s: Record<string, unknown>, required: ReadonlySet<string>): string | undefined {
  if (!Array.isArray(s.required)) return undefined;
  return s.required.find((k): k is string => typeof k === "string" && !required.has(k));
}

/**
 * `not: {properties: {k: S}}` (nothing else asserted but `type: object`) holds only for an object that has k with
 * a value outside S: absent, k would satisfy the negated schema. Requiring k loses no instance
 * and builds the else-branch of `if: {properties: {k: {const: …}}}` (if/then chains keyed on a
 * tag) instead of filtering for it; the negation stays as a check of the value.
 */
function keyToInclude(keywords: string[], s: Record<string, unknown>): string | undefined {
  const others = keywords.filter((k) => k !== "properties" && !(k === "type" && (s.type === "object" || (Array.isArray(s.type) && s.type.includes("object")))));
  if (others.length > 0 || !isObject(s.properties)) return undefined;
  const keys = Object.keys(s.properties);
  return keys.length === 1 ? keys[0] : undefined;
}

/**
 * True when the keyword, written in `s`, can reject a value in its dialect: an evaluated
 * keyword of the dialect, except `if` (it only selects) and `then`/`else` without an `if`.
 */
function asserts(keyword: string, s: Record<string, unknown>, n: Located): boolean {
  if (!isEvaluated(keyword) || !isAppliedIn(keyword, n.dialect) || keyword === "if") return false;
  return (keyword !== "then" && keyword !== "else") || "if" in s;
}

/** `not: {type: X}`: X leaves the allowed types; excluding "integer" from "number" still needs the check. */
function withoutTypes(types: JsonType[], n: Located, kept: Located[]): JsonType[] {
  const t = (n.schema as Record<string, unknown>).type;
  const excluded = (typeof t === "string" ? [t] : Array.isArray(t) ? t : []) as string[];
  const out = types.filter((x) => !excluded.includes(x) && !(x === "integer" && excluded.includes("number")));
  if (excluded.includes("integer") && !excluded.includes("number") && out.includes("number")) kept.push(n);
  return out;
}
