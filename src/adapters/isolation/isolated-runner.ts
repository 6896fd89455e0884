/**
 * isolation/ — run untrusted synchronous code (a validator, a regex) in a worker thread that
 * can be killed, with a time limit per batch.
 *
 * Why a worker thread: a catastrophic regex (`^(a+)+$` on "aaaa…!") or an endless loop blocks
 * the JavaScript thread it runs on; no promise, timer or AbortSignal can interrupt it. Only
 * `Worker.terminate()` stops such code, so everything that may run away runs in a worker.
 *
 * Host side (main thread):
 *   const runner = new IsolatedRunner<Payload, Item, Result>({ workerUrl, workerData, timeoutMs });
 *   runner.share(name, value);                 // a large value many setups use (e.g. a schema registry);
 *                                              //   sent to each worker generation at most once
 *   const s = await runner.setup(payload, [name]);   // { ok: true, key } | { ok: false, error | timedOut }
 *   const out = await runner.run(s.key, items);      // one ItemOutcome per item, in order
 *   await runner.close();
 *
 * Worker side (the module at workerUrl):
 *   serveIsolated<Payload, Item, Result>((payload, shared) => (item) => result);
 *   isolatedWorkerData<T>() gives the `workerData` passed to the runner.
 *
 * Guarantees: calls are serialised. The time limit of a batch is renewed each time the worker
 * moves on to its next item (a shared progress cell tells), so it bounds each item, and a large
 * batch of quick items never times out. When an item exceeds it, the worker is terminated and
 * restarted, that item gets `{ ok: false, timedOut: true }`, and the other items are re-run in
 * a fresh worker: a batch costs at most about one time limit per runaway item. A worker that dies (crash, out of
 * memory) is handled the same way, with an error outcome. After a restart, the setups a
 * batch needs are replayed lazily from their remembered payloads.
 */
import { Worker } from "node:worker_threads";
import { SerialQueue } from "../serial-queue.js";
import { stackSizeMb } from "./stack-size.js";
import { errorMessage, type FromWorker, type IsolatedWorkerData, type ItemResult, type ToWorker } from "./protocol.js";

/** Stack of each worker, MB: a validator walks deep schemas and instances recursively (see stack-size.ts). */
export const WORKER_STACK_MB = stackSizeMb();

export type ItemOutcome<R> = ItemResult<R> | { ok: false; timedOut: true };
export type SetupOutcome = { ok: true; key: number } | { ok: false; error: string } | { ok: false; timedOut: true };

export interface IsolatedRunnerOptions {
  /** The worker module; it must call serveIsolated. */
  workerUrl: URL;
  /** Passed to the worker; read there with isolatedWorkerData(). Must be structured-cloneable. */
  workerData?: unknown;
  /** Time limit of one setup, and of each item of a batch, in milliseconds. */
  timeoutMs: number;
  /** Time limit for a worker to load its module and say it is ready (not counted in timeoutMs). */
  startupTimeoutMs?: number;
}

/** The answer to one message: the worker's reply, or why there is none. */
type Exchange = { reply: FromWorker } | { timedOut: true } | { died: string };

interface LiveWorker {
  worker: Worker;
  progress: Int32Array;
  sharedSent: Set<string>;
  setupsDone: Set<number>;
  /** Settles the message in flight when the worker dies. */
  onDeath?: (reason: string) => void;
  dead: boolean;
}

export class IsolatedRunner<P, I, R> {
  private live: LiveWorker | undefined;
  private readonly shared = new Map<string, unknown>();
  private readonly setups = new Map<number, { payload: P; needs: string[] }>();
  private nextKey = 1;
  private nextMessageId = 1;
  private readonly queue = new SerialQueue();
  private closed = false;

  constructor(private readonly options: IsolatedRunnerOptions) {}

  /** Remembers a value that setups can ask for by name; a new value under an old name replaces it. */
  share(name: string, value: unknown): void {
    this.shared.set(name, value);
    this.live?.sharedSent.delete(name);
  }

  /**
   * Starts the worker now, without waiting: it loads its module while the caller reads its
   * input, instead of on the first setup. A start that fails is retried, and reported, there.
   */
  warm(): void {
    if (!this.closed) void this.queue.run(() => this.ensureWorker());
  }

  /** Compiles a payload in the worker; the key names it in run(). */
  setup(payload: P, needs: string[] = []): Promise<SetupOutcome> {
    return this.serialised(async () => {
      const key = this.nextKey++;
      this.setups.set(key, { payload, needs });
      const outcome = await this.ensureSetup(key);
      if (!outcome.ok) this.setups.delete(key);
      return outcome.ok ? { ok: true, key } : outcome;
    });
  }

  /** Runs every item through the setup's item function; one outcome per item, in order. */
  run(key: number, items: I[]): Promise<ItemOutcome<R>[]> {
    return this.serialised(() => this.runIsolatingRunaways(key, items));
  }

  /** Stops the worker; the runner cannot be used afterwards. */
  close(): Promise<void> {
    this.closed = true;
    return this.queue.run(() => this.terminate());
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("IsolatedRunner is closed"));
    return this.queue.run(task);
  }

  /** Runs the batch; each runaway or fatal item is set aside and the rest re-run, until all have an outcome. */
  private async runIsolatingRunaways(key: number, items: I[]): Promise<ItemOutcome<R>[]> {
    const outcomes = new Array<ItemOutcome<R> | undefined>(items.length);
    let pending = items.map((_, i) => i);
    while (pending.length > 0) {
      const setup = await this.ensureSetup(key);
      if (!setup.ok) {
        const failure: ItemOutcome<R> = "timedOut" in setup ? setup : { ok: false, error: `setup failed after restart: ${setup.error}` };
        for (const i of pending) outcomes[i] = failure;
        break;
      }
      const live = this.live as LiveWorker;
      Atomics.store(live.progress, 0, 0);
      const exchange = await this.exchange({ type: "run", id: this.nextMessageId++, key, items: pending.map((i) => items[i]) }, this.options.timeoutMs);
      if ("reply" in exchange && exchange.reply.type === "run-done") {
        exchange.reply.results.forEach((r, j) => (outcomes[pending[j] as number] = r as ItemResult<R>));
        break;
      }
      const started = Atomics.load(live.progress, 0);
      const failure: ItemOutcome<R> = "died" in exchange ? { ok: false, error: `worker died: ${exchange.died}` } : { ok: false, timedOut: true };
      await this.terminate();
      if (started === 0) {
        // The batch never began: nothing to blame on one item, and retrying could loop forever.
        for (const i of pending) outcomes[i] = failure;
        break;
      }
      outcomes[pending[started - 1] as number] = failure;
      pending = pending.filter((_, j) => j !== started - 1);
    }
    return outcomes as ItemOutcome<R>[];
  }

  /** Makes sure the current worker has compiled `key` (and has the shared values it needs). */
  private async ensureSetup(key: number): Promise<{ ok: true } | { ok: false; error: string } | { ok: false; timedOut: true }> {
    const setup = this.setups.get(key);
    if (!setup) return { ok: false, error: `unknown setup key ${key}` };
    const started = await this.ensureWorker();
    if (!started.ok) return started;
    const live = this.live as LiveWorker;
    if (live.setupsDone.has(key)) return { ok: true };
    for (const name of setup.needs) this.sendShared(live, name);
    const exchange = await this.exchange({ type: "setup", id: this.nextMessageId++, key, payload: setup.payload, needs: setup.needs }, this.options.timeoutMs);
    if ("reply" in exchange && exchange.reply.type === "setup-done") {
      if (exchange.reply.error !== undefined) return { ok: false, error: exchange.reply.error };
      live.setupsDone.add(key);
      return { ok: true };
    }
    await this.terminate();
    return "died" in exchange ? { ok: false, error: `worker died: ${exchange.died}` } : { ok: false, timedOut: true };
  }

  private sendShared(live: LiveWorker, name: string): void {
    if (live.sharedSent.has(name) || !this.shared.has(name)) return;
    const message: ToWorker = { type: "share", name, value: this.shared.get(name) };
    live.worker.postMessage(message);
    live.sharedSent.add(name);
  }

  /** Starts a worker if none is alive and waits until its module has loaded. */
  private async ensureWorker(): Promise<{ ok: true } | { ok: false; error: string }> {
    if (this.live && !this.live.dead) return { ok: true };
    const progress = new Int32Array(new SharedArrayBuffer(4));
    const data: IsolatedWorkerData = { progress, user: this.options.workerData };
    // A library's own console output (hyperjump logs every IDNA error) is not ours to print:
    // it would land in the middle of the report. The worker's streams are drained and dropped.
    const worker = new Worker(this.options.workerUrl, { workerData: data, stdout: true, stderr: true, resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
    worker.stdout.resume();
    worker.stderr.resume();
    worker.unref();
    const live: LiveWorker = { worker, progress, sharedSent: new Set(), setupsDone: new Set(), dead: false };
    this.live = live;
    const die = (reason: string): void => {
      if (live.dead) return;
      live.dead = true;
      live.onDeath?.(reason);
    };
    worker.on("error", (e) => die(errorMessage(e)));
    worker.on("exit", (code) => die(`exited with code ${code}`));
    const ready = await this.awaitMessage(live, undefined, this.options.startupTimeoutMs ?? Math.max(30_000, this.options.timeoutMs));
    if ("reply" in ready && ready.reply.type === "ready") return { ok: true };
    await this.terminate();
    return { ok: false, error: "died" in ready ? `worker failed to start: ${ready.died}` : "worker did not start in time" };
  }

  /** Sends one message to the live worker and waits for its answer, its death, or the time limit. */
  private exchange(message: ToWorker & { id: number }, timeoutMs: number): Promise<Exchange> {
    const live = this.live as LiveWorker;
    const answer = this.awaitMessage(live, message.id, timeoutMs, message.type === "run" ? live.progress : undefined);
    live.worker.postMessage(message);
    return answer;
  }

  /**
   * Waits for the reply with `id` (or for "ready"). With a progress cell the limit applies to
   * each item: the wait goes on while the worker keeps moving to the next item, so a large
   * batch of quick items is never mistaken for a runaway one.
   */
  private awaitMessage(live: LiveWorker, id: number | undefined, timeoutMs: number, progress?: Int32Array): Promise<Exchange> {
    return new Promise<Exchange>((resolve) => {
      const finish = (e: Exchange): void => {
        clearTimeout(timer);
        live.worker.off("message", onMessage);
        live.onDeath = undefined;
        resolve(e);
      };
      const onMessage = (m: FromWorker): void => {
        if (id === undefined ? m.type === "ready" : "id" in m && m.id === id) finish({ reply: m });
      };
      let seen = progress ? Atomics.load(progress, 0) : 0;
      const check = (): void => {
        const now = progress ? Atomics.load(progress, 0) : seen;
        if (now === seen) return finish({ timedOut: true });
        seen = now;
        timer = setTimeout(check, timeoutMs);
      };
      let timer = setTimeout(check, timeoutMs);
      live.worker.on("message", onMessage);
      live.onDeath = (reason) => finish({ died: reason });
      if (live.dead) finish({ died: "worker is not running" });
    });
  }

  private async terminate(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    if (!live) return;
    live.dead = true;
    await live.worker.terminate();
  }
}
