import type { Verdict } from "../adapters/adapter.js";
import type { Expectation, FindingKind } from "../model/finding.js";

/** The three witnesses of one payload, as seen by one adapter (DESIGN.md, "compare"). */
export interface ClassifyInput {
  /** The label by construction. */
  expected: Expectation;
  /** The reference validator (ajv). */
  oracle: { valid: boolean };
  /** The adapter under test. */
  actual: Verdict;
  /** True when the only thing that makes the payload invalid is a `format` keyword. */
  formatOnly: boolean;
}

/**
 * What one adapter's verdict on one payload amounts to, or null when there is nothing
 * to report. Rules, first match wins:
 * 1. a fault (errored verdict) is reported as its fault kind: a crash or a hang is a
 *    defect whatever the right answer is;
 * 2. when the oracle contradicts the label the payload itself is in doubt, so the
 *    adapter is not judged against it: oracle-disagreement, whatever the adapter says;
 * 3. a skipped verdict says nothing: null;
 * 4. otherwise the adapter is compared with the (agreeing) label and oracle.
 */
export function classify(input: ClassifyInput): FindingKind | null {
  return (
    faultKind(input.actual) ??
    (oracleDisagrees(input.expected, input.oracle) ? "oracle-disagreement" : null) ??
    ("valid" in input.actual ? verdictKind(input.expected, input.actual.valid, input.formatOnly) : null)
  );
}

/** The fault an errored verdict records; an unlabelled error is an adapter-error. */
export function faultKind(actual: Verdict): FindingKind | null {
  if (!("errored" in actual)) return null;
  return actual.fault ?? "adapter-error";
}

/** True when the reference validator does not agree with the label by construction. */
export function oracleDisagrees(expected: Expectation, oracle: { valid: boolean }): boolean {
  return (expected === "valid") !== oracle.valid;
}

/**
 * An adapter's valid/invalid verdict against a label the oracle agrees with. Format
 * checks are optional in most dialects, so a disagreement that only a `format` keyword
 * explains is a format-difference, kept apart from real false accepts and rejects.
 */
export function verdictKind(expected: Expectation, adapterValid: boolean, formatOnly: boolean): FindingKind | null {
  const disagreement = disagreementKind(expected, adapterValid);
  if (disagreement === null) return null;
  return formatOnly ? "format-difference" : disagreement;
}

/** false-accept / false-reject by the direction of the disagreement, null on agreement. */
export function disagreementKind(expected: Expectation, adapterValid: boolean): "false-accept" | "false-reject" | null {
  if (expected === "invalid" && adapterValid) return "false-accept";
  if (expected === "valid" && !adapterValid) return "false-reject";
  return null;
}
