import type { Verdict } from "../adapters/adapter.js";
import type { Expectation, Observation } from "../model/finding.js";

/** How a boolean verdict reads in a report. */
export function validity(valid: boolean): Expectation {
  return valid ? "valid" : "invalid";
}

/**
 * An adapter's verdict as the report records it. A timeout is kept apart from other
 * faults because it usually means a hung harness or a catastrophic regex, not a crash.
 */
export function observeVerdict(verdict: Verdict): Observation {
  if ("valid" in verdict) return validity(verdict.valid);
  if ("skipped" in verdict) return "skipped";
  return verdict.fault === "adapter-timeout" ? "timeout" : "error";
}
