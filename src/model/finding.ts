import type { ProbeMark } from "./probe.js";
import type { TargetRef } from "./target-ref.js";

/** Findings: the contract of the JSON report (DESIGN.md, "Findings"; schema/report.schema.json). */
export type FindingKind =
  | "false-accept"
  | "false-reject"
  | "adapter-error"
  | "adapter-timeout"
  | "protocol-error"
  | "oracle-disagreement"
  | "format-difference";

/** Every FindingKind, in report order; the report schema's `kind` enum lists the same values. */
export const FINDING_KINDS = [
  "false-accept",
  "false-reject",
  "format-difference",
  "oracle-disagreement",
  "adapter-error",
  "adapter-timeout",
  "protocol-error",
] as const satisfies readonly FindingKind[];

/** Kinds that record an adapter fault rather than a verdict. */
export const FAULT_KINDS = ["adapter-error", "adapter-timeout", "protocol-error"] as const satisfies readonly FindingKind[];

export type Expectation = "valid" | "invalid";
export type Observation = "valid" | "invalid" | "error" | "timeout" | "skipped";

export const OBSERVATIONS = ["valid", "invalid", "error", "timeout", "skipped"] as const satisfies readonly Observation[];

export interface Finding {
  target: TargetRef;
  adapter: string;
  kind: FindingKind;
  /** The shrunk counterexample. */
  instance: unknown;
  expected: Expectation;
  oracle: Observation;
  actual: Observation;
  keyword: string | null;
  schemaPath: string | null;
  instancePath: string | null;
  seed: number;
  /** fast-check replay path of the counterexample. */
  path: string | null;
  /** The adapter's or harness's message, for faults. */
  message?: string;
  /** For oracle-disagreement: every witness's verdict, by name. */
  witnesses?: Record<string, Observation>;
  /** The probes in the instance (`uint8 max+1` at `/size`), when it holds any. */
  probes?: ProbeMark[];
  /** The instance's exact JSON text, when a probe's spelling is not what JSON.stringify writes (`-0`, `1.0`). */
  text?: string;
}
