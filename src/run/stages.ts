import { computeCoverage } from "../coverage/index.js";
import { invalidArbitrary } from "../generate/invalid/index.js";
import type { TargetRunStages } from "./target-run.js";

/** The invalid-payload source (src/generate/invalid). */
export function invalidSource(): NonNullable<TargetRunStages["invalidArbitrary"]> {
  return invalidArbitrary;
}

/** The stages every campaign runs by default: invalid generation and coverage. */
export function defaultStages(): TargetRunStages {
  return { invalidArbitrary, coverage: computeCoverage };
}
