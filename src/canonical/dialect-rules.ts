import type { Dialect } from "../schema/dialect.js";

/**
 * Which keywords apply in which dialect. Where ajv applies a keyword the specification
 * ignores and the oracle keeps it (`dependencies` in 2019-09+), generation honours it too: a
 * value that satisfies both readings is valid under either. Where the oracle follows the
 * specification instead (keywords beside $ref in draft-07 and earlier), so does generation.
 */

/** 2019-09 and 2020-12: dependentRequired/Schemas, min/maxContains, unevaluated*, dynamic references. */
export function isModern(d: Dialect): boolean {
  return d === "2019-09" || d === "2020-12";
}

/**
 * Draft-04 to draft-07: a schema with `$ref` is that reference and nothing else; keywords
 * beside it are ignored, as the oracle reads them (src/oracle/ref-siblings.ts). Generating
 * values beyond them is how a validator that applies them (stock ajv, cfworker) is caught.
 */
export function refHidesSiblings(d: Dialect): boolean {
  return d === "draft-04" || d === "draft-06" || d === "draft-07";
}

/** Tuples: `prefixItems` + `items` in 2020-12; an `items` array + `additionalItems` before. */
export function usesPrefixItems(d: Dialect): boolean {
  return d === "2020-12";
}

/** Draft-04's boolean exclusiveMinimum/exclusiveMaximum beside minimum/maximum. */
export function hasBooleanExclusives(d: Dialect): boolean {
  return d === "draft-04";
}

/**
 * Keywords a dialect does not have although ajv's class for it would apply them: the oracle
 * removes them from ajv (src/oracle/ajv-factory.ts), as the specification ignores them, and
 * generation ignores them too. A test keeps the two lists in step.
 */
export const KEYWORDS_NOT_IN_DIALECT: Record<Dialect, readonly string[]> = {
  "draft-04": ["const", "contains", "propertyNames", "if", "then", "else"],
  "draft-06": ["if", "then", "else"],
  "draft-07": [],
  "2019-09": [],
  "2020-12": [],
};

/** Whether `keyword` is a keyword of dialect `d` (see KEYWORDS_NOT_IN_DIALECT). */
export function appliesIn(keyword: string, d: Dialect): boolean {
  return !KEYWORDS_NOT_IN_DIALECT[d].includes(keyword);
}
