import type { Finding, TargetRef } from "./finding.js";

/** Keyword and branch coverage of one target (issue 4 extends what is counted). */
export interface Coverage {
  /** Keywords (by schema path) that valid payloads exercised. */
  exercised: string[];
  /** Keywords (by schema path) that invalid payloads broke. */
  broken: string[];
  /** Keywords that no invalid payload broke, with the reason. */
  neverBroken: Array<{ schemaPath: string; keyword: string; reason: string }>;
  /** anyOf/oneOf branches and enum values hit, by schema path. */
  branches: Array<{ schemaPath: string; hit: number; total: number }>;
  /** Optional properties seen present and absent, by schema path. */
  optionalProperties: Array<{ schemaPath: string; present: boolean; absent: boolean }>;
  /** Share of keywords exercised or broken, 0..1. */
  ratio: number;
}

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
  adapters: AdapterSummary[];
  targets: TargetSummary[];
  findings: Finding[];
  /** Input read anyway, with a note (see schema/errors.ts InputWarning); absent when there is none. */
  inputWarnings?: Array<{ file: string; pointer: string; message: string }>;
  /** Present (true) when a signal stopped the run: targets not reached are missing, the last may be an error. */
  interrupted?: true;
  totals: {
    targets: number;
    payloads: number;
    findings: number;
    byKind: Record<string, number>;
    timeMs: number;
  };
}
