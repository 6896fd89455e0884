import type { Target } from "../schema/target.js";

/** What an adapter says of one instance. */
export type Verdict =
  | { valid: boolean }
  | { skipped: true; message?: string }
  | { errored: true; message: string; fault?: Fault };

/** The kinds of fault an adapter can show instead of a verdict. */
export type Fault = "adapter-error" | "adapter-timeout" | "protocol-error";

/** A schema compiled by an adapter, or the reason it cannot take it. */
export type Prepared = { ok: true; handle: unknown } | { ok: false; skipped: true; message: string } | { ok: false; errored: true; message: string; fault?: Fault };

/** A validator under test (DESIGN.md, "Adapter interface"). */
export interface Adapter {
  /** Shown in reports; the spec string's short name. */
  name: string;
  /** Version of the validator, when known. */
  version?: string;
  /** Meta-schema URIs (DIALECT_URI values) it supports. */
  dialects: string[];
  /** Compiles the target once. */
  prepare(target: Target): Promise<Prepared>;
  /**
   * Checks a batch of instances of one prepared target; one verdict per instance, in order.
   * `texts[i]`, when present, is instance i's exact JSON text (a probe spelled `1.0`, `-0`):
   * adapters that send text (subprocess harnesses) send it instead of their own serialisation.
   */
  validate(p: Prepared & { ok: true }, instances: unknown[], texts?: ReadonlyArray<string | undefined>): Promise<Verdict[]>;
  close(): Promise<void>;
  /**
   * True when prepare/validate may be called again before earlier calls have finished (the
   * adapter keeps its own order: a queue, a worker, a pipelined harness). `conform suite` then
   * asks the next groups while one is answered. Absent: one call at a time.
   */
  readonly concurrentCalls?: boolean;
}

export function isValidVerdict(v: Verdict): v is { valid: boolean } {
  return "valid" in v;
}
