/**
 * The CLI's work, in the worker thread bin/conform.js starts with a large stack (see
 * host.ts). The main thread relays argv, whether its stdout/stderr are terminals, and
 * signals; this side posts the live harness process groups, so that the main thread can
 * kill them if it has to give up on this thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { stopAllHarnesses, watchHarnessGroups } from "../adapters/subprocess/harness-process.js";
import { main } from "./main.js";
import { recordStrayError } from "../adapters/module-adapter.js";
import { INTERRUPTED_EXIT, requestStop, type StopSignalName } from "./stop.js";
import type { FromCliWorker, ToCliWorker, CliWorkerData } from "./host.js";

const data = workerData as CliWorkerData;
const port = parentPort!;
const post = (m: FromCliWorker): void => port.postMessage(m);

// Colour and the progress line ask the stream whether it is a terminal; the worker's own
// streams are pipes to the main thread, so they say what the real ones are.
Object.defineProperty(process.stdout, "isTTY", { value: data.stdoutIsTTY, configurable: true });
Object.defineProperty(process.stderr, "isTTY", { value: data.stderrIsTTY, configurable: true });

watchHarnessGroups((pgids) => post({ type: "pgids", pgids }));

port.on("message", (m: ToCliWorker) => {
  if (m.type !== "stop") return;
  // The target running is abandoned: its harness requests need no answer.
  stopAllHarnesses();
  if (requestStop(m.signal)) return;
  // The command cannot stop cleanly (sample, replay, suite without --fuzz): stop now.
  exitNow(m.signal);
});
port.unref();

process.on("uncaughtException", (e) => strayError(e));
process.on("unhandledRejection", (e) => strayError(e));

const code = await main(data.argv);
process.exit(code);

/** An error no call awaited: a module adapter's timer is that adapter's fault; anything else is ours. */
function strayError(e: unknown): void {
  if (recordStrayError(e)) return;
  process.stderr.write(`conform: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  if (data.argv.includes("--verbose")) process.stderr.write(`${(e as Error)?.stack}\n`);
  stopAllHarnesses();
  process.exit(3);
}

function exitNow(signal: StopSignalName): void {
  stopAllHarnesses();
  process.stderr.write(`conform: interrupted by ${signal}\n`);
  process.exit(INTERRUPTED_EXIT[signal]);
}
