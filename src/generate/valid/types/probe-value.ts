import fc, { type Arbitrary } from "fast-check";
import { canonicalJson } from "../../../canonical/json-equal.js";
import type { ProbeMark } from "../../../model/probe.js";
import type { Json } from "../../../schema/json.js";
import type { ProbeSpec } from "./probes.js";

/**
 * A probe inside a value being generated: the value with its name and spelling. It travels
 * up through the container generators like any value (they only place values) and is taken
 * out where values leave generation: `plainOf` for the oracle's checks and for callers that
 * want JSON, `probedOf` for payloads (the plain instance plus a mark per probe, with its pointer).
 * Anything that compares generated values compares their plain forms.
 */
export class ProbeValue {
  constructor(readonly spec: ProbeSpec) {}
}

/** A probe as a generated value (typed as Json: only plainOf/probedOf look inside). */
export function probeValue(spec: ProbeSpec): Json {
  return new ProbeValue(spec) as unknown as Json;
}

/** Draws one of the probes. */
export function probesArbitrary(specs: readonly ProbeSpec[]): Arbitrary<Json> {
  return fc.constantFrom(...specs.map(probeValue));
}

/** The value with every probe replaced by its parsed value (the same object when it holds none). */
export function plainOf(value: Json): Json {
  return unwrap(value, "", undefined);
}

/** Equal keys for equal JSON values, probes compared by their parsed values (uniqueItems). */
export function valueKey(value: Json): string {
  return canonicalJson(plainOf(value));
}

/** A generated value as a payload sees it: the plain instance and where each probe sits. */
export interface Probed {
  instance: Json;
  probes: ProbeMark[];
}

export function probedOf(value: Json): Probed {
  const probes: ProbeMark[] = [];
  const instance = unwrap(value, "", probes);
  return { instance, probes };
}

/** One pass; containers without a probe are returned as they are. Marks are recorded when asked for. */
function unwrap(value: Json, at: string, marks: ProbeMark[] | undefined): Json {
  if ((value as unknown) instanceof ProbeValue) {
    const { value: v, name, text } = (value as unknown as ProbeValue).spec;
    marks?.push({ probe: name, instancePath: at, ...(text !== undefined ? { text } : {}) });
    return v;
  }
  if (value === null || typeof value !== "object") return value;
  const child = (k: string) => (marks ? `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}` : at);
  if (Array.isArray(value)) {
    const items = value.map((v, i) => unwrap(v, child(String(i)), marks));
    return items.some((v, i) => v !== value[i]) ? items : value;
  }
  let changed = false;
  const entries = Object.entries(value).map(([k, v]) => {
    const u = unwrap(v, child(k), marks);
    if (u !== v) changed = true;
    return [k, u] as const;
  });
  if (!changed) return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
