import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "../schema/errors.js";
import type { Adapter, Prepared, Verdict } from "./adapter.js";
import { errorMessage } from "./isolation/protocol.js";

export interface ModuleAdapterOptions {
  /** Time limit of one prepare or validate call, in milliseconds. */
  timeoutMs: number;
}

const TYPESCRIPT_EXTENSIONS = [".ts", ".mts", ".cts"];

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
  const adapter = typeof candidate === "function" ? await (candidate as (o: ModuleAdapterOptions) => unknown)(options) : candidate;
  assertAdapter(adapter, modulePath);
  return new GuardedAdapter(adapter, options.timeoutMs);
}

async function importModule(file: string, modulePath: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  try {
    if (TYPESCRIPT_EXTENSIONS.includes(path.extname(file))) {
      const { tsImport } = await import("tsx/esm/api");
      return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
    }
    return (await import(url)) as Record<string, unknown>;
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

/** Turns a user adapter's throws, hangs and miscounts into fault verdicts instead of a failed run. */
class GuardedAdapter implements Adapter {
  readonly name: string;
  readonly version?: string;
  readonly dialects: string[];

  constructor(private readonly inner: Adapter, private readonly timeoutMs: number) {
    this.name = inner.name;
    this.version = inner.version;
    this.dialects = inner.dialects;
  }

  async prepare(target: Parameters<Adapter["prepare"]>[0]): Promise<Prepared> {
    const outcome = await withTimeLimit(() => this.inner.prepare(target), this.timeoutMs);
    if (outcome.ok) return outcome.value;
    if (outcome.timedOut) return { ok: false, errored: true, fault: "adapter-timeout", message: `${this.name}: prepare did not finish within ${this.timeoutMs} ms` };
    return { ok: false, errored: true, fault: "adapter-error", message: `${this.name}: prepare threw: ${outcome.error}` };
  }

  async validate(p: Prepared & { ok: true }, instances: unknown[]): Promise<Verdict[]> {
    const outcome = await withTimeLimit(() => this.inner.validate(p, instances), this.timeoutMs);
    const fault = (f: Verdict & { errored: true }): Verdict[] => instances.map(() => f);
    if (!outcome.ok && outcome.timedOut) return fault({ errored: true, fault: "adapter-timeout", message: `${this.name}: validate did not finish within ${this.timeoutMs} ms` });
    if (!outcome.ok) return fault({ errored: true, fault: "adapter-error", message: `${this.name}: validate threw: ${outcome.error}` });
    if (!Array.isArray(outcome.value) || outcome.value.length !== instances.length) {
      return fault({ errored: true, fault: "adapter-error", message: `${this.name}: validate returned ${Array.isArray(outcome.value) ? outcome.value.length : "no"} verdicts for ${instances.length} instances` });
    }
    return outcome.value;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

type Limited<T> = { ok: true; value: T } | { ok: false; timedOut: true } | { ok: false; timedOut: false; error: string };

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
