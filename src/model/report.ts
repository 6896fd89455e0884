import type { ComplianceTable } from "./compliance.js";
import type { Coverage } from "./coverage.js";
import type { Finding } from "./finding.js";
import type { ProbeMode } from "./probe.js";
import type { TargetRef } from "./target-ref.js";

export type TargetStatus = "ok" | "unsatisfiable" | "skipped" | "error";

export interface TargetSummary {
  target: TargetRef;
  dialect: string;
  status: TargetStatus;
  /** Why the target is unsatisfiable, skipped or in error. */
  message?: string;
  payloads: { valid: number; invalid: number };
  /** Invalid candidates the oracle accepted, dropped before use (mutator precision). */
  invalidRejectedByOracle: number;
  coverage?: Coverage;
  /** Adapters that skipped this target (or some of its payloads), each with its first reason. */
  skippedBy?: Array<{ adapter: string; reason: string }>;
  timeMs: number;
}

export interface AdapterSummary {
  name: string;
  version?: string;
  dialects: string[];
  /** Verdicts the adapter gave, faults included. */
  checked: number;
  skipped: number;
}

export interface RunReport {
  tool: { name: "schema-conform"; version: string };
  startedAt: string;
  command: "fuzz" | "replay" | "suite";
  seed: number;
  runs: number;
  formatPolicy: string;
  /** `conform fuzz`: which probes valid payloads held (`--probes`). */
  probes?: ProbeMode;
  adapters: AdapterSummary[];
  targets: TargetSummary[];
  findings: Finding[];
  /** Input read anyway, with a note (see schema/errors.ts InputWarning); absent when there is none. */
  inputWarnings?: Array<{ file: string; pointer: string; message: string }>;
  /** Present (true) when a signal stopped the run: targets not reached are missing, the last may be an error. */
  interrupted?: true;
  /** `conform suite` (listed tests): each adapter's passed/failed/errored/skipped tests (model/compliance.ts). */
  compliance?: ComplianceTable;
  totals: {
    targets: number;
    payloads: number;
    findings: number;
    byKind: Record<string, number>;
    timeMs: number;
  };
}
