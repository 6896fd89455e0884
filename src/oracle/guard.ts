import vm from "node:vm";

/** What a guarded check says of an instance: its own answer, or that it ran out of time. */
export type GuardedVerdict<T = boolean> = T | "timeout";

/** Synchronous work (ajv, a regex, a generator) ran past its time limit and was stopped. */
export class OutOfTime extends Error {
  constructor(
    readonly what: string,
    readonly limitMs: number,
  ) {
    super(`${what} took more than ${limitMs} ms and was stopped`);
    this.name = "OutOfTime";
  }
}

/**
 * Runs checks under V8's execution watchdog (node:vm's `timeout` terminates whatever
 * synchronous JavaScript is running, ajv's compiled code included), so a catastrophic
 * regex such as `^(a+)+$` on a long string stops instead of hanging the run. The batch runs
 * in one guarded call (ajv checks a batch in milliseconds); only when it runs out of time
 * is each instance re-run on its own, to name the one that is slow.
 */
export function guardedChecks<T>(check: (instance: unknown) => T, instances: unknown[], timeoutMs: number): Array<GuardedVerdict<T>> {
  const batch = runGuarded(() => instances.map(check), timeoutMs);
  if (batch !== TIMEOUT) return batch;
  return instances.map((instance) => {
    const one = runGuarded(() => check(instance), timeoutMs);
    return one === TIMEOUT ? "timeout" : one;
  });
}

/**
 * The one door for synchronous work that may not end: runs `task` under the watchdog and
 * throws OutOfTime (naming `what`) when it runs past `timeoutMs`. Guards nest: an inner
 * limit stops only its own task, an outer one stops everything below it.
 */
export function withinTimeLimit<T>(what: string, timeoutMs: number, task: () => T): T {
  const result = runGuarded(task, timeoutMs);
  if (result === TIMEOUT) throw new OutOfTime(what, timeoutMs);
  return result;
}

/** A check that throws OutOfTime instead of hanging. */
export function timeLimitedCheck<T>(check: (instance: unknown) => T, timeoutMs: number, what = "the oracle (ajv)"): (instance: unknown) => T {
  return (instance) => withinTimeLimit(what, timeoutMs, () => check(instance));
}

/**
 * True while a guarded task runs: its watchdog already limits whatever it calls, so a check
 * inside it needs no watchdog of its own (one costs ~50 µs; the generators' filters make many).
 */
export function insideTimeLimit(): boolean {
  return depth > 0;
}

/** Guarded tasks running, outermost first counted; each call restores the depth it found, even when an outer watchdog unwound inner calls. */
let depth = 0;

const TIMEOUT = Symbol("timeout");
const script = new vm.Script("result = task()");

/**
 * A fresh context per call, so a guarded task may itself run guarded tasks (the watchdog of
 * the inner call is separate; a termination by the outer one unwinds through the inner).
 */
function runGuarded<T>(task: () => T, timeoutMs: number): T | typeof TIMEOUT {
  const context = contexts.pop() ?? vm.createContext({ task: undefined as unknown, result: undefined as unknown });
  context.task = task;
  const depthBefore = depth;
  depth++;
  try {
    script.runInContext(context, { timeout: Math.max(1, Math.min(Math.round(timeoutMs), 2 ** 31 - 1)) });
    return context.result as T;
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return TIMEOUT;
    throw e;
  } finally {
    depth = depthBefore;
    context.task = undefined;
    context.result = undefined;
    contexts.push(context);
  }
}

/** Contexts not in use: creating one costs far more than a guarded call. */
const contexts: vm.Context[] = [];
