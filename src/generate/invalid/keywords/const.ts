import fc from "fast-check";
import type { Json } from "../../../schema/json.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { nearMissesOf, ofOwnType } from "./enum.js";

/** const: a near miss of the constant (true for 1, "1" for 1, 0 for false, null for anything). */
export const constMutator: Mutator = {
  keyword: "const",
  appliesTo(member) {
    return "const" in schemaOf(member);
  },
  violate(member, site) {
    const value = schemaOf(member).const as Json;
    const misses = ofOwnType(member, nearMissesOf([value], site.value));
    return misses.length === 0 ? fc.constant(null) : fc.constantFrom(...misses).map((v) => breaking(member, "const", v));
  },
};
