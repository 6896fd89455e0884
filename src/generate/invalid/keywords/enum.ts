import fc from "fast-check";
import { jsonEqual, uniqueJson } from "../../../canonical/json-equal.js";
import type { Json } from "../../../schema/json.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { otherTypeTwins, sameTypeNeighbours } from "./near-miss.js";

/** Near misses of the listed values, none of them listed: "1" for 1, true for 1, 0 for false, "Abc" for "abc", null. */
export function nearMissesOf(listed: readonly Json[], current: Json): Json[] {
  const sources = [current, ...listed];
  const candidates = uniqueJson([...sources.flatMap(otherTypeTwins), ...sources.flatMap(sameTypeNeighbours), null]);
  return candidates.filter((c) => !listed.some((l) => jsonEqual(l, c)));
}

/** enum: a value next to a listed one, of its type or another. */
export const enumMutator: Mutator = {
  keyword: "enum",
  appliesTo(member) {
    return Array.isArray(schemaOf(member).enum);
  },
  violate(member, site) {
    const listed = schemaOf(member).enum as Json[];
    return fc.constantFrom(...nearMissesOf(listed, site.value)).map((v) => breaking(member, "enum", v));
  },
};
