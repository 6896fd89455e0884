/**
 * A run's stop request (SIGINT or SIGTERM, relayed from the main thread): commands that can
 * stop cleanly (fuzz, suite --fuzz) pass `stopSignal()` to the campaign, which finishes or
 * abandons the current target; they then close the adapters and write every report.
 */
export type StopSignalName = "SIGINT" | "SIGTERM";

/** Exit statuses of an interrupted run: 128 + the signal's number, as shells report them. */
export const INTERRUPTED_EXIT: Record<StopSignalName, number> = { SIGINT: 130, SIGTERM: 143 };

let controller = new AbortController();
let requested: StopSignalName | undefined;
let stopsCleanly = false;

/** A fresh run: no stop requested, no command has said it stops cleanly. */
export function beginRun(): void {
  controller = new AbortController();
  requested = undefined;
  stopsCleanly = false;
}

/** Aborted when a stop is requested. */
export function stopSignal(): AbortSignal {
  return controller.signal;
}

/** The signal that stopped the run, if one did. */
export function stopRequested(): StopSignalName | undefined {
  return requested;
}

/** Called by a command that reacts to stopSignal() and still writes its reports. */
export function declareStopsCleanly(): void {
  stopsCleanly = true;
}

/** Records the request; returns whether the running command will stop by itself. */
export function requestStop(signal: StopSignalName): boolean {
  if (requested === undefined) {
    requested = signal;
    controller.abort(signal);
  }
  return stopsCleanly;
}
