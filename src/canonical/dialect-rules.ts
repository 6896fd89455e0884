import type { Dialect } from "../schema/dialect.js";

/**
 * Which keywords apply in which dialect, as ajv's class for that dialect applies them.
 * Where ajv applies a keyword the specification ignores (const and if in draft-04, keywords
 * beside $ref, dependencies in 2019-09+), generation honours it too: a value that satisfies
 * both readings is valid under either.
 */

/** 2019-09 and 2020-12: dependentRequired/Schemas, min/maxContains, unevaluated*, dynamic references. */
export function isModern(d: Dialect): boolean {
  return d === "2019-09" || d === "2020-12";
}

/** Tuples: `prefixItems` + `items` in 2020-12; an `items` array + `additionalItems` before. */
export function usesPrefixItems(d: Dialect): boolean {
  return d === "2020-12";
}

/** Draft-04's boolean exclusiveMinimum/exclusiveMaximum beside minimum/maximum. */
export function hasBooleanExclusives(d: Dialect): boolean {
  return d === "draft-04";
}
