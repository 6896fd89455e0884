import fc, { type Arbitrary } from "fast-check";
import { stableStringMatching } from "../../unicode-stable.js";

const cache = new Map<string, Arbitrary<string> | null>();

/** Strings matching an ECMA-262 pattern (u flag, as ajv compiles it), or null when fast-check cannot drive it. */
export function stringsMatching(pattern: string): Arbitrary<string> | null {
  if (cache.has(pattern)) return cache.get(pattern)!;
  let arb: Arbitrary<string> | null = null;
  try {
    const candidate = stableStringMatching(pattern, { maxLength: 24 });
    fc.sample(candidate, { numRuns: 1, seed: 0 });
    arb = candidate;
  } catch {
    arb = null;
  }
  cache.set(pattern, arb);
  return arb;
}
