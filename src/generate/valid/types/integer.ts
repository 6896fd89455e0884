import fc, { type Arbitrary } from "fast-check";
import { numericBounds, type NumericBounds } from "../../../canonical/numeric-bounds.js";
import { keywordSites, Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import { chooseWeighted } from "../choice.js";
import type { TypeGenerator } from "../type-generator.js";
import { combinedStep, nearestMultiple, type Step } from "./multiples.js";
import { integerProbeFamilies, type IntegerProbing } from "./integer-probes.js";

const SAFE = Number.MAX_SAFE_INTEGER;

/** Integers: multiples of the common step inside the bounds, with boundary and width probes drawn often. */
export const integerGenerator: TypeGenerator = {
  type: "integer",
  build(canon, ctx) {
    const bounds = numericBounds(canon.members);
    const draft4 = canon.members.some((m) => m.dialect === "draft-04");
    const probing: IntegerProbing = { mode: ctx.options.probes, lexicalOnly: draft4, negated: canon.nots.length > 0 };
    try {
      return { arbitrary: integerArbitrary(bounds, probing), exact: true };
    } catch (e) {
      if (!(e instanceof Unsatisfiable)) throw e;
      throw new Unsatisfiable(`${e.reason} (${keywordSites(canon.members, "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")})`, e.proven);
    }
  },
};

/** Multiples of the common step inside the bounds, and the probes `probing` asks for (each family one choice). */
export function integerArbitrary(bounds: NumericBounds, probing: IntegerProbing): Arbitrary<Json> {
  const combined = combinedStep(bounds.multipleOf);
  // An integer multiple of num/den (reduced) is a multiple of num.
  const step: Step = { num: combined ? combined.num : 1, den: 1 };
  const lo = Math.max(lowestInteger(bounds), -SAFE);
  const hi = Math.min(highestInteger(bounds), SAFE);
  const kLo = Math.ceil(lo / step.num);
  const kHi = Math.floor(hi / step.num);
  const probes = integerProbeFamilies(bounds, probing, { lowest: lowestInteger(bounds), highest: highestInteger(bounds) });
  const anchor = kLo <= kHi ? findAnchor(step, bounds, kLo, kHi) : undefined;
  // Proven only when the bounds hold no integer at all: the multipleOf search is bounded, and so is the range.
  if (anchor === undefined && probes === undefined) throw new Unsatisfiable("no integer within the bounds and multipleOf", lowestInteger(bounds) > highestInteger(bounds));
  if (anchor === undefined) return probes!;
  const uniform = multiplesArbitrary(kLo, kHi, step, bounds, anchor);
  if (probes === undefined) return uniform;
  return chooseWeighted([{ arbitrary: uniform, weight: 3 }, { arbitrary: probes, weight: 2 }]);
}

function lowestInteger(b: NumericBounds): number {
  if (b.min === -Infinity) return -Infinity;
  return b.minExclusive && Number.isInteger(b.min) ? b.min + 1 : Math.ceil(b.min);
}

function highestInteger(b: NumericBounds): number {
  if (b.max === Infinity) return Infinity;
  return b.maxExclusive && Number.isInteger(b.max) ? b.max - 1 : Math.floor(b.max);
}

/** Some valid multiple, searched near zero, then near each end. */
function findAnchor(step: Step, bounds: NumericBounds, kLo: number, kHi: number): number | undefined {
  const starts = [Math.min(Math.max(0, kLo), kHi), kLo, kHi];
  for (const s of starts) {
    const v = nearestMultiple(s, step, bounds, kLo, kHi, 64);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** k·step for k mostly near zero, sometimes anywhere, often the ends; a k whose value ajv rejects moves to a neighbour. */
function multiplesArbitrary(kLo: number, kHi: number, step: Step, bounds: NumericBounds, anchor: number): Arbitrary<Json> {
  const near = nearZero(kLo, kHi, 1000);
  const ks = chooseWeighted([
    { arbitrary: fc.integer({ min: near[0], max: near[1] }), weight: 6 },
    { arbitrary: fc.integer({ min: kLo, max: kHi }), weight: 2 },
    { arbitrary: fc.constantFrom(kLo, kHi), weight: 2 },
  ]);
  if (step.num === 1 && bounds.multipleOf.every(Number.isInteger)) return ks;
  const simple = bounds.multipleOf.every(Number.isInteger);
  return ks.map((k) => (simple ? k * step.num : nearestMultiple(k, step, bounds, kLo, kHi) ?? anchor));
}

/** A window of about `width` around zero, moved inside [lo, hi]. */
export function nearZero(lo: number, hi: number, width: number): [number, number] {
  const a = Math.max(lo, -width);
  const b = Math.min(hi, width);
  if (a <= b) return [a, b];
  return lo > width ? [lo, Math.min(hi, lo + 2 * width)] : [Math.max(lo, hi - 2 * width), hi];
}
