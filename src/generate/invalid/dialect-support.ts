import type { Dialect } from "../../schema/dialect.js";

const ORDER: readonly Dialect[] = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"];

/**
 * The first dialect whose vocabulary, as ajv implements it, asserts the keyword. ajv is the
 * oracle, so its reading wins where it departs from the specification: its draft-04 class
 * knows const, contains, propertyNames and if/then/else, and every class applies keywords beside $ref.
 */
const SINCE: Readonly<Record<string, Dialect>> = {
  dependentRequired: "2019-09",
  dependentSchemas: "2019-09",
  minContains: "2019-09",
  maxContains: "2019-09",
  unevaluatedProperties: "2019-09",
  unevaluatedItems: "2019-09",
  $recursiveRef: "2019-09",
  prefixItems: "2020-12",
  $dynamicRef: "2020-12",
};

/** The last dialect that has the keyword (2020-12 replaced additionalItems by items after prefixItems). */
const UNTIL: Readonly<Record<string, Dialect>> = {
  additionalItems: "2019-09",
  $recursiveRef: "2019-09",
};

export function atLeast(dialect: Dialect, min: Dialect): boolean {
  return ORDER.indexOf(dialect) >= ORDER.indexOf(min);
}

/** True when ajv evaluates the keyword in this dialect (an unknown or later keyword is ignored). */
export function evaluatedIn(keyword: string, dialect: Dialect): boolean {
  const since = SINCE[keyword];
  const until = UNTIL[keyword];
  if (since !== undefined && !atLeast(dialect, since)) return false;
  if (until !== undefined && atLeast(dialect, until) && dialect !== until) return false;
  return true;
}

/** In 2020-12 the tuple keyword is prefixItems; before, an array under items. */
export function tupleKeyword(dialect: Dialect): "prefixItems" | "items" {
  return dialect === "2020-12" ? "prefixItems" : "items";
}
