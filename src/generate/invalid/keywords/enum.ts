import fc from "fast-check";
import { jsonEqual, uniqueJson } from "../../../canonical/json-equal.js";
import type { Json } from "../../../schema/json.js";
import type { Applied } from "../applied.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { typeAllows, typesAllowedAt } from "./type.js";
import { otherTypeTwins, sameTypeNeighbours } from "./near-miss.js";

/** Near misses of the listed values, none of them listed: "1" for 1, true for 1, 0 for false, "Abc" for "abc", null. */
export function nearMissesOf(listed: readonly Json[], current: Json): Json[] {
  const sources = [current, ...listed];
  const candidates = uniqueJson([...sources.flatMap(otherTypeTwins), ...sources.flatMap(sameTypeNeighbours), null]);
  return candidates.filter((c) => !listed.some((l) => jsonEqual(l, c)));
}

/** The candidates `type` beside the keyword allows: a value of another type would break type as well. */
export function ofOwnType(member: Applied, candidates: Json[]): Json[] {
  const types = typesAllowedAt(member.located);
  return types === undefined ? candidates : candidates.filter((v) => typeAllows(types, v));
}

/** enum: a value next to a listed one, of its type or another. */
export const enumMutator: Mutator = {
  keyword: "enum",
  appliesTo(member) {
    return Array.isArray(schemaOf(member).enum);
  },
  violate(member, site) {
    const listed = schemaOf(member).enum as Json[];
    const misses = ofOwnType(member, nearMissesOf(listed, site.value));
    return misses.length === 0 ? fc.constant(null) : fc.constantFrom(...misses).map((v) => breaking(member, "enum", v));
  },
};
