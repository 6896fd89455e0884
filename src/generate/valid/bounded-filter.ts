import fc from "fast-check";
import type { Arbitrary } from "fast-check";

/** A filter that rejected too many candidates in a row: the generator cannot construct this schema. */
export class GenerationStuck extends Error {
  constructor(readonly what: string) {
    super(`generation gave up: ${what} rejected too many candidates in a row`);
    this.name = "GenerationStuck";
  }
}

/** No valid value was found and none was proven impossible: never reported as "unsatisfiable". */
export class GenerationGaveUp extends GenerationStuck {
  constructor(why: string) {
    super(why);
    this.message = `generation gave up: ${why}`;
    this.name = "GenerationGaveUp";
  }
}

/** A target took longer than its time limit: reported like a stuck filter, never a hang. */
export class GenerationTimeout extends GenerationStuck {
  constructor(what: string, limitMs: number) {
    super(what);
    this.message = `generation gave up: ${what} went past the per-target time limit of ${limitMs} ms`;
    this.name = "GenerationTimeout";
  }
}

/** How long one draw may spend rejecting candidates (GenContext passes its per-target time limit). */
export interface Clock {
  readonly options: { targetTimeLimitMs: number };
}

/**
 * `arb.filter(pred)` that throws GenerationStuck after `budget` consecutive misses instead
 * of looping forever (fast-check's own filter retries without limit), and GenerationTimeout
 * when one streak of misses outlasts the time limit (each candidate may be slow to check).
 */
export function boundedFilter<T>(arb: Arbitrary<T>, pred: (v: T) => boolean, what: string, budget: number, clock?: Clock): Arbitrary<T> {
  let misses = 0;
  let streakStart = 0;
  return arb.filter((v) => {
    if (pred(v)) {
      misses = 0;
      return true;
    }
    if (misses === 0) streakStart = performance.now();
    if (++misses > budget) {
      misses = 0;
      throw new GenerationStuck(what);
    }
    if (clock && (misses & 15) === 0 && performance.now() - streakStart > clock.options.targetTimeLimitMs) {
      misses = 0;
      throw new GenerationTimeout(what, clock.options.targetTimeLimitMs);
    }
    return false;
  });
}

/**
 * True when one of the first `runs` values of a fixed-seed sample passes. Values are drawn in
 * growing batches (1, 8, then all: a seed's i-th value does not depend on how many are drawn)
 * and checked as they come, so a probe that passes at once costs one value: probing 48 large
 * objects of a big schema, each checked by ajv, was most of its build time.
 */
export function someOfSamplePasses<T>(arb: Arbitrary<T>, accept: (v: T) => boolean, runs: number, seed: number): boolean {
  let checked = 0;
  for (const size of [1, 8, runs]) {
    const n = Math.min(size, runs);
    if (n <= checked) continue;
    const values = fc.sample(arb, { numRuns: n, seed });
    for (let i = checked; i < n; i++) if (accept(values[i]!)) return true;
    checked = n;
  }
  return false;
}
