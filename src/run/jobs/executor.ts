import type { Target } from "../../schema/target.js";
import type { WorkUnit } from "../budget.js";
import type { TargetRunResult } from "../target-run.js";

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs rounds of targets, one at a time: in this thread (InProcessExecutor) or in a worker (jobs/pool.ts). */
export interface TargetExecutor {
  run(unit: WorkUnit, target: Target): Promise<Settled<TargetRunResult>>;
  close(): Promise<void>;
}

/** A promise's outcome as a value (never rejects). */
export function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then((value): Settled<T> => ({ ok: true, value }), (error: unknown): Settled<T> => ({ ok: false, error }));
}
