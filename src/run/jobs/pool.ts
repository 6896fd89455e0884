import { Worker } from "node:worker_threads";
import type { Adapter, Prepared, Verdict } from "../../adapters/adapter.js";
import { stackSizeMb } from "../../adapters/isolation/stack-size.js";
import type { Target } from "../../schema/target.js";
import type { WorkUnit } from "../budget.js";
import type { AdapterTally, TargetRunResult } from "../target-run.js";
import { UnstartedAdapter } from "../unstarted-adapter.js";
import { uncarry } from "./carried-error.js";
import type { Settled, TargetExecutor } from "./executor.js";
import type { AdapterInfo, FromJobWorker, JobOptions, ToJobWorker } from "./messages.js";

/** How long a job worker may take to close its adapters before it is terminated. */
const CLOSE_WAIT_MS = 5_000;

/**
 * `--jobs N`: N worker threads, each with its own oracle, generation context and adapters
 * (harness processes included), running the rounds campaign.ts hands out. The main thread
 * keeps the schedule, the merging and the report, so results do not depend on N.
 */
export class JobPool {
  readonly executors: WorkerExecutor[];

  private constructor(
    executors: WorkerExecutor[],
    /** Stand-ins for the report: the adapters as the first worker started them. */
    readonly adapters: Adapter[],
  ) {
    this.executors = executors;
  }

  static async start(jobs: number, options: JobOptions): Promise<JobPool> {
    const executors = Array.from({ length: jobs }, () => new WorkerExecutor(options));
    const infos = await Promise.allSettled(executors.map((e) => e.ready));
    const failed = infos.find((i): i is PromiseRejectedResult => i.status === "rejected");
    if (failed) {
      await Promise.all(executors.map((e) => e.close()));
      throw failed.reason;
    }
    const first = (infos[0] as PromiseFulfilledResult<AdapterInfo[]>).value;
    return new JobPool(executors, first.map(standIn));
  }

  /** Verdict counts per adapter, summed over the workers. */
  tallies(): Map<Adapter, AdapterTally> {
    return new Map(this.adapters.map((a, i) => [a, this.executors.reduce((sum, e) => ({ checked: sum.checked + (e.tallies[i]?.checked ?? 0), skipped: sum.skipped + (e.tallies[i]?.skipped ?? 0) }), { checked: 0, skipped: 0 })]));
  }

  /** Stops the harnesses at once (a signal): the workers' rounds in flight are abandoned. */
  stop(): void {
    for (const e of this.executors) e.stop();
  }

  async close(): Promise<void> {
    await Promise.all(this.executors.map((e) => e.close()));
  }
}

/** Rounds run in one job worker, one at a time. */
class WorkerExecutor implements TargetExecutor {
  readonly ready: Promise<AdapterInfo[]>;
  tallies: Array<{ checked: number; skipped: number }> = [];
  private readonly worker: Worker;
  private waiting?: { resolve: (s: Settled<TargetRunResult>) => void };
  private pgids: number[] = [];
  private closed?: Promise<void>;
  /** Why the worker is gone (a crash, an exit): every later round fails at once with it. */
  private gone?: Error;

  constructor(options: JobOptions) {
    this.worker = new Worker(new URL("./worker-main.js", import.meta.url), { workerData: { options }, resourceLimits: { stackSizeMb: stackSizeMb() } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on("message", (m: FromJobWorker) => {
        if (m.type === "ready") resolve(m.adapters);
        else if (m.type === "failed-to-start") reject(uncarry(m.error));
        else if (m.type === "pgids") this.pgids = m.pgids;
        else if (m.type === "done") this.settle(m);
      });
      this.worker.on("error", (e) => {
        reject(e);
        this.fail(e);
      });
      this.worker.on("exit", () => {
        reject(new Error("the job worker exited before it was ready"));
        this.fail(new Error("the job worker exited"));
      });
    });
    this.ready.catch(() => undefined);
  }

  run(unit: WorkUnit, target: Target): Promise<Settled<TargetRunResult>> {
    if (this.gone) return Promise.resolve({ ok: false, error: this.gone });
    return new Promise((resolve) => {
      this.waiting = { resolve };
      this.worker.postMessage({ type: "run", unit, targetId: target.id } satisfies ToJobWorker);
    });
  }

  stop(): void {
    this.worker.postMessage({ type: "stop" } satisfies ToJobWorker);
    killGroups(this.pgids);
  }

  close(): Promise<void> {
    this.closed ??= this.closeWorker();
    return this.closed;
  }

  private fail(e: Error): void {
    this.gone ??= e;
    this.waiting?.resolve({ ok: false, error: e });
    this.waiting = undefined;
  }

  private settle(m: Extract<FromJobWorker, { type: "done" }>): void {
    if (m.tallies.length > 0) this.tallies = m.tallies;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(m.result ? { ok: true, value: m.result } : { ok: false, error: uncarry(m.error!) });
  }

  private async closeWorker(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.worker.on("message", (m: FromJobWorker) => m.type === "closed" && resolve());
      this.worker.once("exit", () => resolve());
    });
    this.worker.postMessage({ type: "close" } satisfies ToJobWorker);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
    await this.worker.terminate();
    killGroups(this.pgids);
  }
}

/** An adapter of the report, as a worker started it (it never runs here). */
function standIn(info: AdapterInfo): Adapter {
  if (info.unstarted !== undefined) return new UnstartedAdapter(info.name, info.unstarted);
  const elsewhere = (): never => {
    throw new Error(`${info.name} runs in the job workers`);
  };
  return {
    name: info.name,
    ...(info.version ? { version: info.version } : {}),
    dialects: info.dialects,
    prepare: (): Promise<Prepared> => elsewhere(),
    validate: (): Promise<Verdict[]> => elsewhere(),
    close: () => Promise.resolve(),
  };
}

function killGroups(pgids: number[]): void {
  for (const pgid of pgids) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}
