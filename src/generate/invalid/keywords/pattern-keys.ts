import fc, { type Arbitrary } from "fast-check";
import { withinTimeLimit } from "../../../oracle/guard.js";
import { stableStringMatching } from "../../unicode-stable.js";

const cache = new Map<string, Arbitrary<string> | null>();

/** How long the trial draws of one pattern may take: fast-check filters its strings to a length and never stops when none fits. */
const TRIAL_TIME_LIMIT_MS = 250;

/**
 * Strings matching an ECMA-262 pattern (u flag, as ajv compiles it), or null when fast-check
 * cannot drive it. Short keys are preferred (at most 24 characters); a pattern whose strings
 * are all longer (`^experimental_mock_subgraphs$`, SchemaStore apollo-router) gets them at
 * their own length: with the cap, fast-check's length filter looped for good.
 */
export function stringsMatching(pattern: string): Arbitrary<string> | null {
  if (cache.has(pattern)) return cache.get(pattern)!;
  const arb = drivable(() => stableStringMatching(pattern, { maxLength: 24 })) ?? drivable(() => stableStringMatching(pattern));
  cache.set(pattern, arb);
  return arb;
}

function drivable(make: () => Arbitrary<string>): Arbitrary<string> | null {
  try {
    const candidate = make();
    withinTimeLimit("drawing keys of a pattern", TRIAL_TIME_LIMIT_MS, () => fc.sample(candidate, { numRuns: 5, seed: 0 }));
    return candidate;
  } catch {
    return null; // fast-check cannot drive it, or its draws ran out of time (OutOfTime)
  }
}
