import { oracleMultipleOf, withinBounds, type NumericBounds } from "../../../canonical/numeric-bounds.js";

/** A positive rational step num/den (both safe integers), or undefined when a divisor has too many digits. */
export interface Step {
  num: number;
  den: number;
}

/**
 * The least common multiple of every multipleOf, as a rational: 0.1 and 0.25 give 1/2.
 * Decimal divisors are read as the fractions they are written as (0.01 = 1/100).
 */
export function combinedStep(divisors: number[]): Step | undefined {
  let step: Step = { num: 1, den: 1 };
  let first = true;
  for (const d of divisors) {
    const r = rationalOf(d);
    if (!r) return undefined;
    step = first ? r : { num: lcm(step.num, r.num), den: gcd(step.den, r.den) };
    first = false;
    if (!Number.isSafeInteger(step.num) || !Number.isSafeInteger(step.den)) return undefined;
  }
  return step;
}

/** d as a reduced fraction p/q with q a power of ten (up to 10^15). */
export function rationalOf(d: number): Step | undefined {
  if (!(d > 0) || !Number.isFinite(d)) return undefined;
  for (let k = 0, scale = 1; k <= 15; k++, scale *= 10) {
    const p = Math.round(d * scale);
    if (Number.isSafeInteger(p) && p > 0 && Math.abs(p / scale - d) <= Number.EPSILON * d) {
      const g = gcd(p, scale);
      return { num: p / g, den: scale / g };
    }
  }
  return undefined;
}

/**
 * The value k·step, or a nearby spelling of it that ajv's float check accepts (7 * 0.01 is
 * 0.07000000000000001, which fails; 0.07 passes), or undefined when none is inside the bounds.
 */
export function multipleValue(k: number, step: Step, bounds: NumericBounds): number | undefined {
  const exact = (k * step.num) / step.den;
  for (const v of spellings(exact, step)) if (withinBounds(v, bounds)) return v;
  return undefined;
}

function spellings(v: number, step: Step): number[] {
  const digits = Math.min(20, Math.ceil(Math.log10(step.den)) + 1);
  const out = [v, Number(v.toFixed(digits)), Number(v.toPrecision(15)), Number(v.toPrecision(12))];
  return out.filter((x) => Number.isFinite(x));
}

/** The first k from `start` outward (start, start+1, start-1, ...) whose multiple passes, within `tries`. */
export function nearestMultiple(start: number, step: Step, bounds: NumericBounds, kLo: number, kHi: number, tries = 24): number | undefined {
  for (let i = 0; i < tries; i++) {
    const k = start + (i % 2 === 0 ? i / 2 : -(i + 1) / 2);
    if (k < kLo || k > kHi) continue;
    const v = multipleValue(k, step, bounds);
    if (v !== undefined) return Object.is(v, -0) ? 0 : v;
  }
  return undefined;
}

/** Every divisor accepts v by ajv's own rule. */
export function passesAllDivisors(v: number, divisors: number[]): boolean {
  return divisors.every((d) => oracleMultipleOf(v, d));
}

export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}
