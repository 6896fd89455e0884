import fc from "fast-check";
import { oracleMultipleOf } from "../../../canonical/numeric-bounds.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";

/**
 * Numbers next to `v` that are not multiples of `d` (exactly, in decimal); whole ones first
 * when `d` is whole. The smallest positive number is one too: a float check divides it by `d`,
 * the quotient underflows to 0, and 0 looks whole.
 */
function nonMultiples(v: number, d: number, wholeOnly: boolean): number[] {
  const near = Number.isInteger(d) && d > 1 ? [v + 1, v - 1, d + 1, 1] : [v + d / 2, d / 2, d * 1.5, v + 0.5];
  const candidates = wholeOnly ? near : [...near, Number.MIN_VALUE];
  return [...new Set(candidates)].filter((x) => Number.isFinite(x) && !oracleMultipleOf(x, d));
}

/** multipleOf: the value moved off the grid by the smallest whole step, or by half the divisor. */
export const multipleOfMutator: Mutator = {
  keyword: "multipleOf",
  appliesTo(member, site) {
    const d = schemaOf(member).multipleOf;
    return typeof site.value === "number" && typeof d === "number" && d > 0 && nonMultiples(site.value, d, integerOnly(member)).length > 0;
  },
  violate(member, site) {
    const d = schemaOf(member).multipleOf as number;
    return fc.constantFrom(...nonMultiples(site.value as number, d, integerOnly(member))).map((v) => breaking(member, "multipleOf", v));
  },
};

/** True when the same schema asks for an integer: a fraction there would break `type` as well. */
function integerOnly(member: Parameters<Mutator["appliesTo"]>[0]): boolean {
  const type = schemaOf(member).type;
  return type === "integer" || (Array.isArray(type) && type.includes("integer") && !type.includes("number"));
}
