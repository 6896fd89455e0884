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
