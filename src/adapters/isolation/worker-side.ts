import { parentPort, workerData } from "node:worker_threads";
import { errorMessage, type FromWorker, type IsolatedWorkerData, type ItemResult, type ToWorker } from "./protocol.js";

/** Checks one item; may be sync or async. A throw becomes an error outcome for that item only. */
export type ItemFunction<I, R> = (item: I) => R | Promise<R>;

/** Compiles a setup payload (with the shared values it asked for) into an item function. A throw is a setup error. */
export type SetupFunction<P, I, R> = (payload: P, shared: ReadonlyMap<string, unknown>) => ItemFunction<I, R> | Promise<ItemFunction<I, R>>;

/** The data the host passed as `workerData` to IsolatedRunner. */
export function isolatedWorkerData<T>(): T {
  return (workerData as IsolatedWorkerData).user as T;
}

/**
 * Worker side of isolation/: answers setup and run messages. Items run one at a time and the
 * progress cell is written before each, so that when the host has to kill a runaway worker
 * it knows exactly which item was running.
 */
export function serveIsolated<P, I, R>(setup: SetupFunction<P, I, R>): void {
  const port = parentPort;
  if (!port) throw new Error("serveIsolated must run inside a worker thread");
  const { progress } = workerData as IsolatedWorkerData;
  const shared = new Map<string, unknown>();
  const compiled = new Map<number, ItemFunction<I, R>>();
  const reply = (m: FromWorker): void => port.postMessage(m);

  port.on("message", (m: ToWorker) => {
    if (m.type === "share") shared.set(m.name, m.value);
    else if (m.type === "setup") void runSetup(m.id, m.key, m.payload as P);
    else void runItems(m.id, m.key, m.items as I[]);
  });

  async function runSetup(id: number, key: number, payload: P): Promise<void> {
    try {
      compiled.set(key, await setup(payload, shared));
      reply({ type: "setup-done", id });
    } catch (e) {
      reply({ type: "setup-done", id, error: errorMessage(e) });
    }
  }

  async function runItems(id: number, key: number, items: I[]): Promise<void> {
    const fn = compiled.get(key);
    const results: ItemResult<R>[] = [];
    for (let i = 0; i < items.length; i++) {
      Atomics.store(progress, 0, i + 1);
      results.push(fn ? await runOne(fn, items[i] as I) : { ok: false, error: `setup ${key} unknown in this worker` });
    }
    reply({ type: "run-done", id, results });
  }

  reply({ type: "ready" });
}

async function runOne<I, R>(fn: ItemFunction<I, R>, item: I): Promise<ItemResult<R>> {
  try {
    return { ok: true, value: await fn(item) };
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}
