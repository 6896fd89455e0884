import type { Arbitrary } from "fast-check";

/** A filter that rejected too many candidates in a row: the generator cannot construct this schema. */
export class GenerationStuck extends Error {
  constructor(readonly what: string) {
    super(`generation gave up: ${what} rejected too many candidates in a row`);
    this.name = "GenerationStuck";
  }
}

/**
 * `arb.filter(pred)` that throws GenerationStuck after `budget` consecutive misses
 * instead of looping forever (fast-check's own filter retries without limit).
 */
export function boundedFilter<T>(arb: Arbitrary<T>, pred: (v: T) => boolean, what: string, budget: number): Arbitrary<T> {
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
    return false;
  });
}
