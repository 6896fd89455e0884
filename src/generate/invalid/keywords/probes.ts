import { uniqueJson } from "../../../canonical/json-equal.js";
import { typeOfValue } from "../../../canonical/types.js";
import { isObject, type Json } from "../../../schema/json.js";
import { otherTypeTwins, sameTypeNeighbours } from "./near-miss.js";

const PLAIN: readonly Json[] = [null, false, true, 0, -1, 1.5, "", "x", [], [null], {}, { a: null }];

/**
 * Values near `v` for composite keywords (anyOf, oneOf, not, if) to test against their
 * subschemas: v's neighbours of its own type first, so that other keywords stay satisfied.
 */
export function probesNear(v: Json): Json[] {
  const emptied: Json[] = isObject(v) ? [{}] : Array.isArray(v) ? [[]] : [];
  const all = uniqueJson([...sameTypeNeighbours(v), ...emptied, ...otherTypeTwins(v), ...PLAIN]);
  const t = typeOfValue(v);
  return [...all.filter((x) => typeOfValue(x) === t), ...all.filter((x) => typeOfValue(x) !== t)];
}
