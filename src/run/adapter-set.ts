import type { Adapter } from "../adapters/adapter.js";
import { createAdapter, formatBlindTwin } from "../adapters/spec.js";
import type { ServiceOptions } from "../adapters/service/options.js";
import type { FormatPolicy } from "../oracle/format-policy.js";
import { isStartFailure, UnstartedAdapter } from "./unstarted-adapter.js";

/**
 * Creates the adapters the specs name (ajv when none is named); an Adapter object given
 * instead of a spec is used as it is (its caller closes it). One that could not start is
 * replaced by an UnstartedAdapter, so the others still run; bad usage (an unknown name, a
 * missing file) closes those made and throws.
 */
export async function createAdapters(specs: Array<string | Adapter>, timeoutMs: number, formats: FormatPolicy, services?: ServiceOptions): Promise<Adapter[]> {
  const made: Adapter[] = [];
  try {
    for (const spec of specs.length > 0 ? specs : ["ajv"]) {
      if (typeof spec !== "string") {
        made.push(spec);
        continue;
      }
      const adapter = await createAdapter(spec, { timeoutMs, formats, services }).catch((e: unknown) => {
        if (!isStartFailure(e)) throw e;
        return new UnstartedAdapter(spec, (e as Error).message);
      });
      specOf.set(adapter, spec);
      made.push(adapter);
    }
  } catch (e) {
    await closeAll(made.filter(madeFromSpec));
    throw e;
  }
  return made;
}

const specOf = new WeakMap<Adapter, string>();

/** True for an adapter createAdapters made (and its caller must close), false for one it was given. */
export function madeFromSpec(adapter: Adapter): boolean {
  return specOf.has(adapter);
}

/** For the campaign: the same built-in adapter asserting no format (see run/format-twins.ts); none for adapters not made from a spec here. */
export function formatBlindOf(timeoutMs: number): (adapter: Adapter) => Promise<Adapter | undefined> {
  return async (adapter) => {
    const spec = specOf.get(adapter);
    return spec === undefined ? undefined : formatBlindTwin(spec, { timeoutMs });
  };
}

/** How long an adapter may take to close before it is abandoned (a close() that never settles, a stuck harness). */
export const CLOSE_WAIT_MS = 3000;

/** Closes every adapter, each within CLOSE_WAIT_MS; one that does not is abandoned with a line on stderr. */
export async function closeAll(adapters: Adapter[]): Promise<void> {
  await Promise.all(adapters.map(closeWithin));
}

async function closeWithin(adapter: Adapter): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), CLOSE_WAIT_MS)));
  const closed = Promise.resolve()
    .then(() => adapter.close())
    .then(() => "closed" as const, () => "closed" as const);
  const outcome = await Promise.race([closed, late]);
  clearTimeout(timer);
  if (outcome === "late") process.stderr.write(`conform: adapter ${adapter.name} did not close within ${CLOSE_WAIT_MS / 1000} s; abandoned\n`);
}
