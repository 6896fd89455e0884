import vm from "node:vm";
import type { Check } from "./oracle.js";

/** What the oracle says of an instance when it may be stopped: valid, invalid, or out of time. */
export type GuardedVerdict = boolean | "timeout";

/**
 * Runs checks under V8's execution watchdog (node:vm's `timeout` terminates whatever
 * synchronous JavaScript is running, ajv's compiled code included), so a catastrophic
 * regex such as `^(a+)+$` on a long string stops instead of hanging the run. The batch runs
 * in one guarded call (ajv checks a batch in milliseconds); only when it runs out of time
 * is each instance re-run on its own, to name the one that is slow.
 */
export function guardedChecks(check: Check, instances: unknown[], timeoutMs: number): GuardedVerdict[] {
  const batch = runGuarded(() => instances.map(check), timeoutMs);
  if (batch !== TIMEOUT) return batch;
  return instances.map((instance) => {
    const one = runGuarded(() => check(instance), timeoutMs);
    return one === TIMEOUT ? "timeout" : one;
  });
}

const TIMEOUT = Symbol("timeout");
const context = vm.createContext({ task: undefined as unknown, result: undefined as unknown });
const script = new vm.Script("result = task()");

function runGuarded<T>(task: () => T, timeoutMs: number): T | typeof TIMEOUT {
  context.task = task;
  try {
    script.runInContext(context, { timeout: Math.min(timeoutMs, 2 ** 31 - 1) });
    return context.result as T;
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return TIMEOUT;
    throw e;
  } finally {
    context.task = undefined;
    context.result = undefined;
  }
}
