/** The JSON Schema dialects, oldest first; a dialect is the keywords of its vocabularies (src/keywords/registry.ts). */
export const DIALECTS = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"] as const;

export type Dialect = (typeof DIALECTS)[number];

/** True when `dialect` is `min` or later. */
export function atLeast(dialect: Dialect, min: Dialect): boolean {
  return DIALECTS.indexOf(dialect) >= DIALECTS.indexOf(min);
}

/** True when `dialect` lies between `since` and `until` (both included, either open). */
export function within(dialect: Dialect, since: Dialect | undefined, until: Dialect | undefined): boolean {
  return (since === undefined || atLeast(dialect, since)) && (until === undefined || atLeast(until, dialect));
}

/** 2019-09 and 2020-12: vocabularies, unevaluated*, dependent*, min/maxContains. */
export function isModern(d: Dialect): boolean {
  return atLeast(d, "2019-09");
}

/**
 * Draft-04 to draft-07: a schema with `$ref` is that reference and nothing else; keywords
 * beside it are ignored (src/oracle/ref-siblings.ts reads documents so for ajv). Generating
 * values beyond them is how a validator that applies them (stock ajv, cfworker) is caught.
 */
export function refHidesSiblings(d: Dialect): boolean {
  return !isModern(d);
}

/** Tuples: `prefixItems` + `items` in 2020-12; an `items` array + `additionalItems` before. */
export function usesPrefixItems(d: Dialect): boolean {
  return d === "2020-12";
}

/** In 2020-12 the tuple keyword is prefixItems; before, an array under items. */
export function tupleKeyword(d: Dialect): "prefixItems" | "items" {
  return usesPrefixItems(d) ? "prefixItems" : "items";
}

/** Draft-04's boolean exclusiveMinimum/exclusiveMaximum beside minimum/maximum. */
export function hasBooleanExclusives(d: Dialect): boolean {
  return d === "draft-04";
}
