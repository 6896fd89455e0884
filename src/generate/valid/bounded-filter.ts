import type { Arbitrary } from "fast-check";

/** A filter that rejected too many candidates in a row: the generator cannot construct this schema. */
export class GenerationStuck extends Error {
  constructor(readonly what: string) {
    super(`generation gave up: ${what} rejected too many candidates in a row`);
    this.name = "GenerationStuck";
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

/** Something that can say when the current target ran out of time. */
export interface Clock {
  /** Throws GenerationTimeout once the current target is past its time limit. */
  checkTime(what: string): void;
}

/**
 * `arb.filter(pred)` that throws GenerationStuck after `budget` consecutive misses
 * instead of looping forever (fast-check's own filter retries without limit), and
 * GenerationTimeout when the clock runs out.
 */
export function boundedFilter<T>(arb: Arbitrary<T>, pred: (v: T) => boolean, what: string, budget: number, clock?: Clock): Arbitrary<T> {
  let misses = 0;
  return arb.filter((v) => {
    if (pred(v)) {
      misses = 0;
      return true;
    }
    if (++misses > budget) {
      misses = 0;
      throw new GenerationStuck(what);
    }
    if (clock && (misses & 63) === 0) clock.checkTime(what);
    return false;
  });
}
