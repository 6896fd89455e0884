import fc, { type Arbitrary } from "fast-check";
import { numericBounds, withinBounds, type NumericBounds } from "../../../canonical/numeric-bounds.js";
import { keywordSites, Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import { choose, chooseWeighted } from "../choice.js";
import type { TypeGenerator } from "../type-generator.js";
import { nextDown, nextUp } from "./float-steps.js";
import { integerArbitrary, nearZero } from "./integer.js";
import { combinedStep, nearestMultiple, type Step } from "./multiples.js";
import { FRACTION_PROBES, floatFormatProbes, sendsValues, type ProbeSpec } from "./probes.js";
import { probeValue } from "./probe-value.js";
import type { ProbeMode } from "../../../model/probe.js";

/** Numbers: integers and fractions inside the bounds; boundaries and one-step-inside values drawn often. */
export const numberGenerator: TypeGenerator = {
  type: "number",
  build(canon, ctx) {
    const bounds = numericBounds(canon.members);
    const parts: Arbitrary<Json>[] = [];
    const mode = ctx.options.probes;
    try {
      parts.push(integerArbitrary(bounds, { mode, lexicalOnly: false, negated: canon.nots.length > 0 }));
    } catch (e) {
      if (!(e instanceof Unsatisfiable)) throw e;
    }
    const fractions = bounds.multipleOf.length > 0 ? multiplesOfFraction(bounds) : doublesWithin(bounds, mode);
    if (fractions) parts.push(fractions);
    const empty = bounds.min > bounds.max || (bounds.min === bounds.max && (bounds.minExclusive || bounds.maxExclusive));
    if (parts.length === 0) throw new Unsatisfiable(`no number within the bounds and multipleOf (${keywordSites(canon.members, "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")})`, empty);
    return { arbitrary: choose(parts), exact: true };
  },
};

/** Any double inside the bounds, plus the bounds themselves and the nearest doubles inside them, and the fraction and float-format probes. */
function doublesWithin(b: NumericBounds, mode: ProbeMode): Arbitrary<Json> | undefined {
  const min = b.min === -Infinity ? -Number.MAX_VALUE : b.min;
  const max = b.max === Infinity ? Number.MAX_VALUE : b.max;
  if (min > max || (min === max && (b.minExclusive || b.maxExclusive))) return undefined;
  const edges = edgesWithin(b, sendsValues(mode) ? [...FRACTION_PROBES, ...floatFormatProbes(b.formats)] : []);
  const [nearLo, nearHi] = nearZero(min, max, 1000);
  const doubles = fc.double({ min, max, minExcluded: b.minExclusive, maxExcluded: b.maxExclusive, noNaN: true, noDefaultInfinity: true });
  const near = nearLo < nearHi
    ? fc.double({ min: nearLo, max: nearHi, minExcluded: nearLo === b.min && b.minExclusive, maxExcluded: nearHi === b.max && b.maxExclusive, noNaN: true, noDefaultInfinity: true })
    : doubles;
  const parts: Array<{ arbitrary: Arbitrary<Json>; weight: number }> = [{ arbitrary: near, weight: 4 }, { arbitrary: doubles, weight: 2 }];
  if (edges.length > 0) parts.push({ arbitrary: fc.constantFrom(...edges), weight: 2 });
  return chooseWeighted(parts).map((v) => (Object.is(v, -0) ? 0 : v));
}

/** The bounds and the nearest doubles inside them (plain values), then the probes, each value once, where the bounds allow it. */
function edgesWithin(b: NumericBounds, probes: readonly ProbeSpec[]): Json[] {
  const seen = new Set<number>();
  const fresh = (v: number): boolean => {
    if (!Number.isFinite(v) || !withinBounds(v, b) || seen.has(v)) return false;
    seen.add(v);
    return true;
  };
  const plain = [b.min, nextUp(b.min), b.max, nextDown(b.max)].filter(fresh);
  return [...plain, ...probes.filter((p) => fresh(p.value)).map(probeValue)];
}

/**
 * Multiples of the common fractional step (0.1 and 0.25 give 0.5): k·step, or a nearby
 * spelling that ajv's float check accepts (7 * 0.01 fails it, 0.07 passes); the smallest
 * and largest multiples inside the bounds drawn often.
 */
function multiplesOfFraction(b: NumericBounds): Arbitrary<Json> | undefined {
  const step = combinedStep(b.multipleOf);
  if (!step) return undefined;
  const size = step.num / step.den;
  const kLo = Math.ceil((b.min === -Infinity ? -1e15 : b.min) / size);
  const kHi = Math.floor((b.max === Infinity ? 1e15 : b.max) / size);
  if (kLo > kHi) return undefined;
  const ends = [nearestMultiple(kLo, step, b, kLo, kHi, 8), nearestMultiple(kHi, step, b, kLo, kHi, 8)].filter((v): v is number => v !== undefined);
  const anchor = ends[0] ?? nearestMultiple(Math.min(Math.max(0, kLo), kHi), step, b, kLo, kHi, 64);
  if (anchor === undefined) return undefined;
  const [lo, hi] = nearZero(kLo, kHi, 10000);
  const ks = fc.integer({ min: lo, max: hi });
  const values = ks.map((k) => multipleAt(k, step, b, kLo, kHi) ?? anchor);
  return ends.length > 0 ? chooseWeighted([{ arbitrary: values, weight: 4 }, { arbitrary: fc.constantFrom(...new Set(ends)), weight: 1 }]) : values;
}

function multipleAt(k: number, step: Step, b: NumericBounds, kLo: number, kHi: number): number | undefined {
  return nearestMultiple(k, step, b, kLo, kHi, 6);
}
