import fc, { type Arbitrary } from "fast-check";
import { numericBounds, withinBounds, type NumericBounds } from "../../../canonical/numeric-bounds.js";
import { Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import type { TypeGenerator } from "../type-generator.js";
import { formatProbes, NUMBER_PROBES } from "./probes.js";

const SAFE = Number.MAX_SAFE_INTEGER;

/** Integers: multiples of the integral step inside the bounds, with boundary and width probes drawn often. */
export const integerGenerator: TypeGenerator = {
  type: "integer",
  build(canon) {
    const bounds = numericBounds(canon.members);
    return { arbitrary: integerArbitrary(bounds), exact: true };
  },
};

export function integerArbitrary(bounds: NumericBounds): Arbitrary<Json> {
  const step = integralStep(bounds.multipleOf);
  const lo = Math.max(Math.ceil(bounds.minExclusive && Number.isInteger(bounds.min) ? bounds.min + 1 : bounds.min), -SAFE);
  const hi = Math.min(Math.floor(bounds.maxExclusive && Number.isInteger(bounds.max) ? bounds.max - 1 : bounds.max), SAFE);
  const probes = [...NUMBER_PROBES, ...formatProbes(bounds.formats), bounds.min, bounds.max]
    .flatMap((p) => [p, p + 1, p - 1])
    .filter((p) => Number.isInteger(p) && withinBounds(p, bounds));
  const kLo = Math.ceil(lo / step);
  const kHi = Math.floor(hi / step);
  const uniform = kLo <= kHi ? multiplesArbitrary(kLo, kHi, step, bounds) : undefined;
  if (!uniform && probes.length === 0) throw new Unsatisfiable("no integer within the bounds and multipleOf");
  const unique = [...new Set(probes)];
  if (!uniform) return fc.constantFrom(...unique);
  if (unique.length === 0) return uniform;
  return fc.oneof({ arbitrary: uniform, weight: 4 }, { arbitrary: fc.constantFrom(...unique), weight: 1 });
}

/** k * step for k in [kLo, kHi], mostly small k; values failing ajv's multipleOf rule are left out. */
function multiplesArbitrary(kLo: number, kHi: number, step: number, bounds: NumericBounds): Arbitrary<Json> {
  const near = nearZero(kLo, kHi, 1000);
  const ends = [kLo, kHi].filter((k) => Number.isFinite(k));
  const ks = fc.oneof(
    { arbitrary: fc.integer({ min: near[0], max: near[1] }), weight: 6 },
    { arbitrary: fc.integer({ min: Math.max(kLo, -SAFE), max: Math.min(kHi, SAFE) }), weight: 2 },
    { arbitrary: fc.constantFrom(...ends), weight: 1 },
  );
  const values = ks.map((k) => k * step);
  return bounds.multipleOf.every(Number.isInteger) ? values : values.filter((v) => withinBounds(v, bounds));
}

/** A window of about `width` around zero, moved inside [lo, hi]. */
export function nearZero(lo: number, hi: number, width: number): [number, number] {
  const a = Math.max(lo, -width);
  const b = Math.min(hi, width);
  if (a <= b) return [a, b];
  return lo > width ? [lo, Math.min(hi, lo + 2 * width)] : [Math.max(lo, hi - 2 * width), hi];
}

/** The least common multiple of the integral divisors (1 when none); fractional ones are checked per value. */
function integralStep(divisors: number[]): number {
  let step = 1;
  for (const d of divisors) {
    if (!Number.isInteger(d)) continue;
    step = (step * d) / gcd(step, d);
    if (!Number.isSafeInteger(step)) return 1;
  }
  return step;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
