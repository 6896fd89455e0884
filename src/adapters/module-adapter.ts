import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "../schema/errors.js";
import type { Adapter, Prepared, Verdict } from "./adapter.js";
import { errorMessage } from "./isolation/protocol.js";
import { importUserModule } from "../keywords/user-module.js";

export interface ModuleAdapterOptions {
  /** Time limit of one prepare or validate call, in milliseconds. */
  timeoutMs: number;
}


/**
 * `module:<path>`: a JS or TS module whose default export (or export `adapter`) is an Adapter,
 * or a function (possibly async) returning one. TypeScript is loaded through tsx, so a team's
 * adapter needs no build step. The module runs in this thread: its calls are guarded by a time
 * limit and turned into fault verdicts, but synchronous code that never returns cannot be stopped
 * (a module wanting that protection can use isolation/IsolatedRunner itself).
 */
export async function loadModuleAdapter(modulePath: string, options: ModuleAdapterOptions): Promise<Adapter> {
  const file = path.resolve(modulePath);
  if (!existsSync(file)) throw new UsageError(`module adapter ${modulePath}: no such file (${file})`);
  const exported = await importModule(file, modulePath);
  const candidate = exported.default ?? exported.adapter;
  const adapter = typeof candidate === "function" ? await startAdapter(candidate as (o: ModuleAdapterOptions) => unknown, options, modulePath) : candidate;
  assertAdapter(adapter, modulePath);
  const guarded = new GuardedAdapter(adapter, options.timeoutMs, file);
  liveModuleAdapters.add(guarded);
  return guarded;
}

async function startAdapter(factory: (o: ModuleAdapterOptions) => unknown, options: ModuleAdapterOptions, modulePath: string): Promise<unknown> {
  try {
    return await factory(options);
  } catch (e) {
    throw new UsageError(`module adapter ${modulePath} could not start: ${errorMessage(e)}`);
  }
}

/** Module adapters loaded and not closed: where an error thrown outside any call is looked for. */
const liveModuleAdapters = new Set<GuardedAdapter>();
/** This package's compiled sources: an error thrown there is ours, not a module adapter's. */
const OWN_SOURCES = new URL("../", import.meta.url);

/**
 * An uncaught exception or unhandled rejection (a module adapter's timer, a promise it did
 * not await) becomes a fault of the adapter whose file its stack names, or of the only module
 * adapter loaded when the stack names no file of ours. Returns whether an adapter was blamed.
 */
export function recordStrayError(e: unknown): boolean {
  const stack = e instanceof Error ? e.stack ?? "" : "";
  const byFile = [...liveModuleAdapters].find((a) => stack.includes(a.file) || stack.includes(pathToFileURL(a.file).href));
  const blamed = byFile ?? (liveModuleAdapters.size === 1 && !firstFrameIsOurs(stack) ? [...liveModuleAdapters][0] : undefined);
  blamed?.strayError(errorMessage(e));
  return blamed !== undefined;
}

function firstFrameIsOurs(stack: string): boolean {
  const frame = stack.split("\n").find((line) => line.trimStart().startsWith("at ")) ?? "";
  return frame.includes(OWN_SOURCES.href) || frame.includes(OWN_SOURCES.pathname);
}

async function importModule(file: string, modulePath: string): Promise<Record<string, unknown>> {
  try {
    return await importUserModule(file);
  } catch (e) {
    throw new UsageError(`module adapter ${modulePath}: cannot load: ${errorMessage(e)}`);
  }
}

function assertAdapter(value: unknown, modulePath: string): asserts value is Adapter {
  const a = value as Partial<Adapter> | undefined;
  const problems = [
    typeof a?.name === "string" ? "" : "a string `name`",
    Array.isArray(a?.dialects) ? "" : "an array `dialects`",
    ...(["prepare", "validate", "close"] as const).map((m) => (typeof a?.[m] === "function" ? "" : `a method \`${m}\``)),
  ].filter((p) => p !== "");
  if (problems.length > 0) {
    throw new UsageError(`module adapter ${modulePath}: its default export (or export \`adapter\`) must be an Adapter or a function returning one; missing ${problems.join(", ")}`);
  }
}

/** Turns a user adapter's throws, hangs, miscounts and stray errors into fault verdicts instead of a failed run. */
class GuardedAdapter implements Adapter {
  readonly name: string;
  readonly version?: string;
  readonly dialects: string[];
  /** A stray error no call has reported yet. */
  private pendingStray: string | undefined;
  /** Settles the calls in flight with a stray error. */
  private readonly strayWaiters = new Set<(message: string) => void>();

  constructor(private readonly inner: Adapter, private readonly timeoutMs: number, readonly file: string) {
    this.name = inner.name;
    this.version = inner.version;
    this.dialects = inner.dialects;
  }

  /** An error the adapter threw outside any call: the call in flight, or else the next one, reports it. */
  strayError(message: string): void {
    const text = `${this.name}: threw outside any call (a timer or an unawaited promise): ${message}`;
    if (this.strayWaiters.size === 0) this.pendingStray = text;
    for (const settle of this.strayWaiters) settle(text);
  }

  async prepare(target: Parameters<Adapter["prepare"]>[0]): Promise<Prepared> {
    const outcome = await this.guarded(() => this.inner.prepare(target));
    if (outcome.ok) return outcome.value;
    if (outcome.timedOut) return { ok: false, errored: true, fault: "adapter-timeout", message: `${this.name}: prepare did not finish within ${this.timeoutMs} ms` };
    if (outcome.stray) return { ok: false, errored: true, fault: "adapter-error", message: outcome.error };
    return { ok: false, errored: true, fault: "adapter-error", message: `${this.name}: prepare threw: ${outcome.error}` };
  }

  async validate(p: Prepared & { ok: true }, instances: unknown[], texts?: ReadonlyArray<string | undefined>): Promise<Verdict[]> {
    const outcome = await this.guarded(() => this.inner.validate(p, instances, texts));
    const fault = (f: Verdict & { errored: true }): Verdict[] => instances.map(() => f);
    if (!outcome.ok && outcome.timedOut) return fault({ errored: true, fault: "adapter-timeout", message: `${this.name}: validate did not finish within ${this.timeoutMs} ms` });
    if (!outcome.ok && outcome.stray) return fault({ errored: true, fault: "adapter-error", message: outcome.error });
    if (!outcome.ok) return fault({ errored: true, fault: "adapter-error", message: `${this.name}: validate threw: ${outcome.error}` });
    if (!Array.isArray(outcome.value) || outcome.value.length !== instances.length) {
      return fault({ errored: true, fault: "adapter-error", message: `${this.name}: validate returned ${Array.isArray(outcome.value) ? outcome.value.length : "no"} verdicts for ${instances.length} instances` });
    }
    return outcome.value;
  }

  /** A stray error that no call could report is printed, so it is not lost. */
  close(): Promise<void> {
    liveModuleAdapters.delete(this);
    if (this.pendingStray !== undefined) process.stderr.write(`conform: module adapter ${this.pendingStray}\n`);
    return this.inner.close();
  }

  /** The call under the time limit, settled early by a stray error; a stray error met before the call is its outcome. */
  private async guarded<T>(call: () => Promise<T>): Promise<Limited<T>> {
    const before = this.pendingStray;
    this.pendingStray = undefined;
    if (before !== undefined) return { ok: false, timedOut: false, stray: true, error: before };
    let settle: (message: string) => void = () => undefined;
    const stray = new Promise<Limited<T>>((resolve) => (settle = (error) => resolve({ ok: false, timedOut: false, stray: true, error })));
    this.strayWaiters.add(settle);
    try {
      return await Promise.race([withTimeLimit(call, this.timeoutMs), stray]);
    } finally {
      this.strayWaiters.delete(settle);
    }
  }
}

type Limited<T> = { ok: true; value: T } | { ok: false; timedOut: true } | { ok: false; timedOut: false; stray?: true; error: string };

async function withTimeLimit<T>(call: () => Promise<T>, timeoutMs: number): Promise<Limited<T>> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<Limited<T>>((resolve) => (timer = setTimeout(() => resolve({ ok: false, timedOut: true }), timeoutMs)));
  const attempt = (async (): Promise<Limited<T>> => {
    try {
      return { ok: true, value: await call() };
    } catch (e) {
      return { ok: false, timedOut: false, error: errorMessage(e) };
    }
  })();
  try {
    return await Promise.race([attempt, limit]);
  } finally {
    clearTimeout(timer);
  }
}
