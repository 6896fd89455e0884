import type { TargetRunStages } from "./target-run.js";

/** The invalid-payload source, once src/generate/invalid exists. */
export function invalidSource(): TargetRunStages["invalidArbitrary"] {
  return undefined;
}

/** The optional stages every campaign runs by default (invalid generation, coverage). */
export function defaultStages(): TargetRunStages {
  return { invalidArbitrary: invalidSource() };
}
