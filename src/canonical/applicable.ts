import { usesPrefixItems } from "../keywords/dialects.js";
import { hasKeyword } from "../keywords/registry.js";
import type { Dialect } from "../schema/dialect.js";
import { isObject } from "../schema/json.js";

/**
 * The one evaluator of "which subschemas of one schema object apply at an instance location",
 * as pointer tokens from the schema object. Valid generation (object-shape, array-shape),
 * invalid generation (generate/invalid/children.ts) and coverage ask it; the unevaluated*
 * keywords are the callers' to add, since what counts as evaluated depends on the subtree each
 * of them sees.
 */

type SchemaObject = Record<string, unknown>;

/** properties[key] and every patternProperties entry whose regex matches key. */
export function namingSteps(s: SchemaObject, key: string): string[][] {
  const out: string[][] = [];
  if (isObject(s.properties) && Object.prototype.hasOwnProperty.call(s.properties, key)) out.push(["properties", key]);
  if (isObject(s.patternProperties)) {
    for (const p of Object.keys(s.patternProperties)) if (safeTest(p, key)) out.push(["patternProperties", p]);
  }
  return out;
}

/** The subschemas member `key` must satisfy: properties and matching patternProperties, else additionalProperties. */
export function memberSteps(s: SchemaObject, key: string): string[][] {
  const named = namingSteps(s, key);
  if (named.length === 0 && "additionalProperties" in s) named.push(["additionalProperties"]);
  return named;
}

/** True when the schema object itself evaluates member `key` (named, matched, or additionalProperties). */
export function evaluatesMember(s: SchemaObject, key: string): boolean {
  return "additionalProperties" in s || namingSteps(s, key).length > 0;
}

/** The tuple of an array schema: prefixItems (2020-12) or an items array (earlier drafts), and its length. */
export function tupleOf(s: SchemaObject, dialect: Dialect): { keyword: "prefixItems" | "items"; length: number } {
  const keyword = usesPrefixItems(dialect) ? "prefixItems" : "items";
  const list = s[keyword];
  return { keyword, length: Array.isArray(list) ? list.length : 0 };
}

/** The keyword that governs items after the tuple: items (2020-12, or without a tuple), additionalItems after an items array. */
export function restOf(s: SchemaObject, dialect: Dialect): string | undefined {
  if (usesPrefixItems(dialect)) return "items" in s && !Array.isArray(s.items) ? "items" : undefined;
  if (Array.isArray(s.items)) return hasKeyword(s, "additionalItems", dialect) ? "additionalItems" : undefined;
  return "items" in s ? "items" : undefined;
}

/** The subschema item `index` must satisfy: its tuple position, else the rest keyword. */
export function itemSteps(s: SchemaObject, index: number, dialect: Dialect): string[][] {
  const tuple = tupleOf(s, dialect);
  if (index < tuple.length) return [[tuple.keyword, String(index)]];
  const rest = restOf(s, dialect);
  return rest ? [[rest]] : [];
}

/** True when the schema object itself evaluates item `index` (a tuple position or a rest keyword). */
export function evaluatesItem(s: SchemaObject, index: number, dialect: Dialect): boolean {
  return index < tupleOf(s, dialect).length || restOf(s, dialect) !== undefined;
}

const regexCache = new Map<string, RegExp | null>();

/** `new RegExp(pattern, "u").test(key)`, as ajv tests patterns; an invalid pattern matches nothing. */
export function safeTest(pattern: string, key: string): boolean {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, "u");
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re !== null && re.test(key);
}
