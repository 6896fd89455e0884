import type { Adapter, Prepared, Verdict } from "../adapters/adapter.js";
import type { Json } from "../schema/json.js";
import type { Target } from "../schema/target.js";

/** An adapter's prepare, with a throw turned into an errored result. */
export async function prepareSafely(adapter: Adapter, target: Target): Promise<Prepared> {
  try {
    return await adapter.prepare(target);
  } catch (e) {
    return { ok: false, errored: true, message: (e as Error).message, fault: "adapter-error" };
  }
}

/**
 * One verdict per instance, whatever the adapter does: a target it skipped or could not
 * compile, a throw, or the wrong number of verdicts become verdicts too.
 */
export async function validateSafely(adapter: Adapter, p: Prepared, instances: Json[], texts?: ReadonlyArray<string | undefined>): Promise<Verdict[]> {
  if (!p.ok) {
    const v: Verdict = "skipped" in p ? { skipped: true, message: p.message } : { errored: true, message: p.message, fault: p.fault ?? "adapter-error" };
    return instances.map(() => v);
  }
  if (instances.length === 0) return [];
  try {
    const verdicts = await adapter.validate(p, instances, texts?.some((t) => t !== undefined) ? texts : undefined);
    if (verdicts.length === instances.length) return verdicts;
    return instances.map(() => ({ errored: true, message: `adapter returned ${verdicts.length} verdicts for ${instances.length} instances`, fault: "protocol-error" }));
  } catch (e) {
    return instances.map(() => ({ errored: true, message: (e as Error).message, fault: "adapter-error" }));
  }
}

/** Why each adapter skipped payloads of one target: its first reason, one entry per adapter that skipped any. */
export function skipReasons(verdicts: Map<Adapter, Verdict[]>): Array<{ adapter: string; reason: string }> {
  const out: Array<{ adapter: string; reason: string }> = [];
  for (const [adapter, vs] of verdicts) {
    const skipped = vs.find((v): v is { skipped: true; message?: string } => "skipped" in v);
    if (skipped) out.push({ adapter: adapter.name, reason: skipped.message ?? "no reason given" });
  }
  return out;
}
