import type { Adapter, Prepared, Verdict } from "../adapters/adapter.js";
import type { Json } from "../schema/json.js";
import type { Target } from "../schema/target.js";
import type { Finding, FindingKind } from "../model/finding.js";
import { validateSafely } from "./verdicts.js";

/** A fault the whole batch showed that no instance reproduces alone: reported as "flaky", pinned on no instance. */
export interface FlakyFault {
  adapter: string;
  kind: FindingKind;
  message: string;
}

export interface AttributedVerdicts {
  verdicts: Verdict[];
  flaky?: FlakyFault;
}

/**
 * One verdict per instance, with a batch-wide fault attributed exactly: when every instance
 * of a batch got the same error (the batch call threw, or the adapter failed them all), each
 * instance is asked again alone and keeps its own verdict. If none fails alone, the fault is
 * returned as flaky instead of being charged to instance 0. Timeouts are not re-asked one by
 * one (each retry could cost a whole timeout).
 */
export async function attributedVerdicts(adapter: Adapter, p: Prepared, instances: Json[], texts?: ReadonlyArray<string | undefined>): Promise<AttributedVerdicts> {
  const batch = await validateSafely(adapter, p, instances, texts);
  const fault = p.ok && instances.length > 1 ? batchWideFault(batch) : null;
  if (!fault) return { verdicts: batch };
  const alone: Verdict[] = [];
  for (const [i, instance] of instances.entries()) alone.push((await validateSafely(adapter, p, [instance], [texts?.[i]]))[0]!);
  if (alone.some((v) => "errored" in v)) return { verdicts: alone };
  const message = `flaky: ${fault.message} (a batch of ${instances.length} payloads failed with this; asked one by one, none did)`;
  return { verdicts: alone, flaky: { adapter: adapter.name, kind: fault.fault ?? "adapter-error", message } };
}

/** The error every verdict of a batch shares, or null; a timeout is not one. */
function batchWideFault(verdicts: Verdict[]): Extract<Verdict, { errored: true }> | null {
  const first = verdicts[0];
  if (!first || !("errored" in first) || first.fault === "adapter-timeout") return null;
  const same = verdicts.every((v) => "errored" in v && v.message === first.message && v.fault === first.fault);
  return same ? first : null;
}

/** The finding of a flaky fault: its kind and "flaky" message, pinned on no payload (instance null, no verdict of one). */
export function flakyFinding(f: FlakyFault, target: Target): Finding {
  const ref = { file: target.file, pointer: target.pointer, uri: target.uri };
  return { target: ref, adapter: f.adapter, kind: f.kind, instance: null, expected: "valid", oracle: "valid", actual: "error", keyword: null, schemaPath: null, instancePath: null, seed: 0, path: null, message: f.message };
}
