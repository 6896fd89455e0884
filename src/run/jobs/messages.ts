import type { WorkUnit } from "../budget.js";
import type { TargetRunResult } from "../target-run.js";
import type { FuzzOptions } from "../fuzz.js";

/** What a job worker needs to plan the same campaign as the main thread: FuzzOptions without objects (adapters by spec, no signal). */
export type JobOptions = Omit<FuzzOptions, "adapters" | "signal" | "corpus" | "budgetMs"> & { adapters: string[]; seed: number };

export interface JobWorkerData {
  options: JobOptions;
}

/** An adapter as the worker started it (the report names it; an unstarted one says why). */
export interface AdapterInfo {
  name: string;
  version?: string;
  dialects: string[];
  unstarted?: string;
}

/** A thrown value carried across threads: an InputError keeps its parts. */
export type CarriedError = { input: { file: string; pointer: string; reason: string } } | { name: string; message: string };

export type ToJobWorker = { type: "run"; unit: WorkUnit; targetId: string } | { type: "stop" } | { type: "close" };

export type FromJobWorker =
  | { type: "ready"; adapters: AdapterInfo[] }
  | { type: "failed-to-start"; error: CarriedError }
  | { type: "done"; unit: WorkUnit; result?: TargetRunResult; error?: CarriedError; tallies: Array<{ checked: number; skipped: number }> }
  | { type: "pgids"; pgids: number[] }
  | { type: "closed" };
