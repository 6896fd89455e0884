/** Messages between an IsolatedRunner (main thread) and its worker (serveIsolated). Internal to isolation/. */

export type ToWorker =
  | { type: "share"; name: string; value: unknown }
  | { type: "setup"; id: number; key: number; payload: unknown; needs: string[] }
  | { type: "run"; id: number; key: number; items: unknown[] };

export type FromWorker =
  | { type: "ready" }
  | { type: "setup-done"; id: number; error?: string }
  | { type: "run-done"; id: number; results: ItemResult<unknown>[] };

/** What one item came to inside the worker. */
export type ItemResult<R> = { ok: true; value: R } | { ok: false; error: string };

/** What the worker is given at start: the progress cell and the caller's own data. */
export interface IsolatedWorkerData {
  /** Int32Array over a SharedArrayBuffer: 1 + index of the item being processed, 0 before the first. */
  progress: Int32Array;
  user: unknown;
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
