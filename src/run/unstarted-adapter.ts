import type { Adapter, Prepared, Verdict } from "../adapters/adapter.js";

/**
 * Stands in for an adapter that could not start (a harness whose interpreter is missing, a
 * module whose factory threw): every target records it in `skippedBy` with the reason, the
 * other adapters still run, and the run exits 4 (not every target was tested by it).
 */
export class UnstartedAdapter implements Adapter {
  readonly dialects: string[] = [];
  /** It answers at once, whatever the order. */
  readonly concurrentCalls = true;

  constructor(
    readonly name: string,
    readonly reason: string,
  ) {}

  prepare(): Promise<Prepared> {
    return Promise.resolve({ ok: false, skipped: true, message: this.reason });
  }

  validate(_p: Prepared & { ok: true }, instances: unknown[]): Promise<Verdict[]> {
    return Promise.resolve(instances.map(() => ({ skipped: true as const, message: this.reason })));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** True when the error says the adapter could not start (as opposed to bad usage: an unknown name, a missing file). */
export function isStartFailure(e: unknown): boolean {
  return e instanceof Error && / could not start\b/.test(e.message);
}
