import fc from "fast-check";
import { oracleMultipleOf } from "../../../canonical/numeric-bounds.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";

/**
 * Numbers next to `v` that are not multiples of `d` (exactly, in decimal). The smallest
 * positive number is one too: a float check divides it by `d`, the quotient underflows to 0,
 * and 0 looks whole.
 */
function nonMultiples(v: number, d: number): number[] {
  const near = Number.isInteger(d) && d > 1 ? [v + 1, v - 1, d + 1, 1] : [v + d / 2, d / 2, d * 1.5, v + 0.5];
  return offGrid([...near, Number.MIN_VALUE], d);
}

/**
 * Whole numbers next to `v` that are not multiples of `d`, for a schema that also asks for an
 * integer (a fraction would break `type` as well): the whole multiples of 0.3 are those of 3,
 * so v ± 1 is off their grid. None when every whole number is a multiple (0.5, 1).
 */
function wholeNonMultiples(v: number, d: number): number[] {
  return offGrid([v + 1, v - 1, 1, -1], d).filter((x) => Number.isSafeInteger(x));
}

function offGrid(candidates: number[], d: number): number[] {
  return [...new Set(candidates)].filter((x) => Number.isFinite(x) && !oracleMultipleOf(x, d));
}

function candidatesFor(member: Parameters<Mutator["appliesTo"]>[0], v: number, d: number): number[] {
  return integerOnly(schemaOf(member)) ? wholeNonMultiples(v, d) : nonMultiples(v, d);
}

/** multipleOf: the value moved off the grid by the smallest whole step, or by half the divisor. */
export const multipleOfMutator: Mutator = {
  keyword: "multipleOf",
  appliesTo(member, site) {
    const d = schemaOf(member).multipleOf;
    return typeof site.value === "number" && typeof d === "number" && d > 0 && candidatesFor(member, site.value, d).length > 0;
  },
  violate(member, site) {
    const d = schemaOf(member).multipleOf as number;
    return fc.constantFrom(...candidatesFor(member, site.value as number, d)).map((v) => breaking(member, "multipleOf", v));
  },
  unbreakable(schema) {
    const d = schema.multipleOf;
    if (typeof d !== "number" || !(d > 0) || !integerOnly(schema) || !oracleMultipleOf(1, d)) return undefined;
    return `every whole number is a multiple of ${d}, and a fraction would break type "integer" as well`;
  },
};

/** True when the same schema asks for an integer: a fraction there would break `type` as well. */
function integerOnly(schema: Record<string, unknown>): boolean {
  const type = schema.type;
  return type === "integer" || (Array.isArray(type) && type.includes("integer") && !type.includes("number"));
}
