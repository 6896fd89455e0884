/**
 * The main thread of `conform`: it runs the CLI (worker-main.ts) in a worker thread with a
 * large stack, and only relays. Schemas 10,000 levels deep and `$ref` rings of 1,000
 * definitions are walked recursively by ajv, the canonicaliser and JSON.stringify; V8's
 * default stack (under 1 MB) overflows near 1,000 levels, and a thread's stack size can
 * only be chosen when it is created.
 *
 * Relayed: argv; whether stdout/stderr are terminals; the worker's stdout and stderr,
 * complete and in order; SIGINT/SIGTERM (the worker stops cleanly and exits 130/143); the
 * exit status. The worker posts the process groups of its harnesses, so that when it does
 * not stop within STOP_GRACE_MS (code stuck in a loop), or at a second signal, they are
 * killed here before exiting.
 */
import { Worker } from "node:worker_threads";
import { stackSizeMb } from "../adapters/isolation/stack-size.js";
import { INTERRUPTED_EXIT, type StopSignalName } from "./stop.js";

/** Stack of the CLI's thread, MB (see isolation/stack-size.ts; CONFORM_STACK_MB overrides it). */
export const CLI_STACK_MB = stackSizeMb();
/** After a signal, how long the run has to write its reports and exit before it is abandoned. */
export const STOP_GRACE_MS = 8000;
/** A repeat of the same signal within this time is the same request delivered twice, not a second one. */
const SAME_SIGNAL_MS = 300;
/** Exit status of an internal error (a bug of conform). */
const INTERNAL_ERROR_EXIT = 3;
/** Node's status for a worker whose top-level await never settled (its event loop emptied first). */
const UNSETTLED_AWAIT_EXIT = 13;

export interface CliWorkerData {
  argv: string[];
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}
export type ToCliWorker = { type: "stop"; signal: StopSignalName };
export type FromCliWorker = { type: "pgids"; pgids: number[] };

/** Runs the CLI with `argv` in a worker thread; resolves to the exit status once its output is flushed. */
export function runCliInWorker(argv: string[]): Promise<number> {
  const data: CliWorkerData = { argv, stdoutIsTTY: process.stdout.isTTY === true, stderrIsTTY: process.stderr.isTTY === true };
  const worker = new Worker(new URL("./worker-main.js", import.meta.url), {
    workerData: data,
    stdout: true,
    stderr: true,
    resourceLimits: { stackSizeMb: CLI_STACK_MB },
  });
  // A reader that went away (`conform … | head`) is not an error of the run.
  process.stdout.on("error", () => worker.stdout.unpipe(process.stdout).resume());
  worker.stdout.pipe(process.stdout, { end: false });
  worker.stderr.pipe(process.stderr, { end: false });
  let pgids: number[] = [];
  worker.on("message", (m: FromCliWorker) => {
    if (m.type === "pgids") pgids = m.pgids;
  });
  const stop = stopRelay(worker, () => pgids);
  return new Promise((resolve) => {
    let crash: Error | undefined;
    worker.on("error", (e) => (crash = e));
    worker.on("exit", (code) => {
      stop.dispose();
      // The worker kills its harnesses as it exits; these are the ones it may not have reached.
      for (const pgid of pgids) killGroup(pgid);
      void streamsEnded(worker).then(() => resolve(exitStatus(code, crash, stop.signal(), argv)));
    });
  });
}

/** SIGINT/SIGTERM go to the worker; a second one, or a worker that does not stop in time, ends the process here. */
function stopRelay(worker: Worker, pgids: () => number[]): { dispose(): void; signal(): StopSignalName | undefined } {
  let received: StopSignalName | undefined;
  const giveUp = (why: string): never => {
    for (const pgid of pgids()) killGroup(pgid);
    process.stderr.write(`conform: ${why}\n`);
    process.exit(INTERRUPTED_EXIT[received!]);
  };
  let receivedAt = 0;
  const onSignal = (signal: StopSignalName): void => {
    // `timeout` signals the child and then its whole group: the same signal twice at once is one request.
    if (received === signal && performance.now() - receivedAt < SAME_SIGNAL_MS) return;
    if (received !== undefined) giveUp(`${signal} again: stopped at once, reports not written`);
    received = signal;
    receivedAt = performance.now();
    worker.postMessage({ type: "stop", signal } satisfies ToCliWorker);
    setTimeout(() => giveUp(`the run did not stop within ${STOP_GRACE_MS / 1000} s of ${signal}; abandoned, reports not written`), STOP_GRACE_MS).unref();
  };
  const onInt = (): void => onSignal("SIGINT");
  const onTerm = (): void => onSignal("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  return {
    dispose: () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
    },
    signal: () => received,
  };
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** Resolves once everything the worker wrote has reached our own stdout and stderr. */
async function streamsEnded(worker: Worker): Promise<void> {
  const ended = (s: NodeJS.ReadableStream & { readableEnded?: boolean }) => (s.readableEnded ? Promise.resolve() : new Promise<void>((r) => s.once("end", r).once("close", r)));
  await Promise.all([ended(worker.stdout), ended(worker.stderr)]);
}

function exitStatus(code: number, crash: Error | undefined, signal: StopSignalName | undefined, argv: string[]): number {
  if (crash) {
    process.stderr.write(`conform: internal error: ${crash.message}\n`);
    if (argv.includes("--verbose")) process.stderr.write(`${crash.stack}\n`);
    return INTERNAL_ERROR_EXIT;
  }
  if (code === UNSETTLED_AWAIT_EXIT) {
    process.stderr.write("conform: internal error: the run ended with work still pending\n");
    return INTERNAL_ERROR_EXIT;
  }
  if (signal !== undefined && code !== INTERRUPTED_EXIT[signal]) return INTERRUPTED_EXIT[signal];
  return code;
}
