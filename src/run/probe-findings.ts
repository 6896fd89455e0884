import type { Json } from "../schema/json.js";
import { getAtPointer } from "../schema/pointer.js";
import type { Payload } from "./payload.js";
import { replacedAt } from "./reduce.js";

// How findings of valid payloads that hold probes are grouped, shrunk and reduced (target-run.ts),
// so that each names only probes it still holds and needs.

/**
 * The names of a payload's probes, as one key: verdict findings are grouped by them, so that
 * each probe a consumer rejects (uint64 max+1, -0) is a finding of its own. Shrinking may drop
 * a probe (one the disagreement does not need) but not bring in another group's.
 */
export function probeNames(p: Payload): string {
  return [...new Set((p.probes ?? []).map((m) => m.probe))].sort().join(",");
}

/** Every probe of `p` is one `original` had (by name): a shrink step may drop probes, never add one. */
export function probesWithin(p: Payload, original: Payload): boolean {
  const allowed = new Set((original.probes ?? []).map((m) => m.probe));
  return (p.probes ?? []).every((m) => allowed.has(m.probe));
}

/**
 * Each probe left is asked whether the disagreement needs it: written plainly (a spelling),
 * or replaced by 0, 1 or 2 (one of them is usually allowed where the probe was). If the disagreement holds without it, the plain payload is kept and
 * the probe is not named (a `uint64 min` that was 0 all along, beside the real cause).
 */
export async function withoutIdleProbes(p: Payload, holds: (candidate: Payload) => Promise<boolean>): Promise<Payload> {
  let current = p;
  for (const mark of p.probes ?? []) {
    const others = (current.probes ?? []).filter((m) => m !== mark);
    const rest = others.length > 0 ? { probes: others } : {};
    const { probes: _dropped, ...bare } = current;
    const value = getAtPointer(current.instance, mark.instancePath) as Json;
    const replacements = [...(mark.text !== undefined ? [Object.is(value, -0) ? 0 : value] : []), 0, 1, 2].filter((v) => mark.text !== undefined || !Object.is(v, value));
    for (const v of replacements) {
      const candidate: Payload = { ...bare, instance: replacedAt(current.instance, mark.instancePath, v), ...rest };
      if (await holds(candidate)) {
        current = candidate;
        break;
      }
    }
  }
  return current;
}

/**
 * Reduction may remove a probe with its entry, or zero it (when the disagreement outlives
 * that, the probe was not what disagreed, and its mark goes), but not round or halve it:
 * halving 2^53 down to 2^32 would leave an unnamed value where a named one did the work.
 */
export function editsAProbe(p: Payload, instance: Json): boolean {
  return (p.probes ?? []).some((m) => {
    const now = getAtPointer(instance, m.instancePath);
    return now !== undefined && !Object.is(now, getAtPointer(p.instance, m.instancePath)) && !Object.is(now, 0);
  });
}
