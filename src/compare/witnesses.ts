import type { Verdict } from "../adapters/adapter.js";
import type { Expectation, Observation } from "../model/finding.js";
import { observeVerdict, validity } from "./observation.js";

/**
 * Who stands with whom when the oracle contradicts the label: the payload is a
 * generator bug when the adapters side with ajv, an ajv bug when they side with the label.
 */
export interface WitnessSummary {
  label: Expectation;
  oracle: Expectation;
  /** Adapters whose verdict equals the label (and so contradicts ajv). */
  withLabel: string[];
  /** Adapters whose verdict equals ajv's (and so contradicts the label). */
  withOracle: string[];
  /** Adapters that gave no verdict (skipped or faulted). */
  silent: string[];
  /** Every witness's observation by name: "label", "oracle", then each adapter (Finding.witnesses). */
  observations: Record<string, Observation>;
}

/** Sorts the adapters' verdicts on one payload by which side they take; adapters in input order. */
export function collectWitnesses(
  expected: Expectation,
  oracle: { valid: boolean },
  verdicts: ReadonlyArray<{ adapter: string; verdict: Verdict }>,
): WitnessSummary {
  const summary: WitnessSummary = {
    label: expected,
    oracle: validity(oracle.valid),
    withLabel: [],
    withOracle: [],
    silent: [],
    observations: { label: expected, oracle: validity(oracle.valid) },
  };
  for (const { adapter, verdict } of verdicts) {
    const observed = observeVerdict(verdict);
    summary.observations[adapter] = observed;
    sideOf(observed, summary).push(adapter);
  }
  return summary;
}

/** The list an observation belongs to; when label and oracle agree, siding with both counts as the label. */
function sideOf(observed: Observation, summary: WitnessSummary): string[] {
  if (observed === summary.label) return summary.withLabel;
  if (observed === summary.oracle) return summary.withOracle;
  return summary.silent;
}
