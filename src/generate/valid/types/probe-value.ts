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
  return unwrap(value, undefined, undefined);
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
  const instance = unwrap(value, undefined, probes);
  return { instance, probes };
}

/** Where a value sits, built only when a probe is found there (a pointer string per node was most of drawing large payloads). */
interface At {
  parent: At | undefined;
  key: string;
}

function pointerOf(at: At | undefined): string {
  const keys: string[] = [];
  for (let a = at; a; a = a.parent) keys.push(a.key.replace(/~/g, "~0").replace(/\//g, "~1"));
  return keys.length === 0 ? "" : "/" + keys.reverse().join("/");
}

/**
 * One pass; containers without a probe are returned as they are (copied only from the first
 * changed member on). Marks are recorded when asked for.
 */
function unwrap(value: Json, at: At | undefined, marks: ProbeMark[] | undefined): Json {
  if ((value as unknown) instanceof ProbeValue) {
    const { value: v, name, text } = (value as unknown as ProbeValue).spec;
    marks?.push({ probe: name, instancePath: pointerOf(at), ...(text !== undefined ? { text } : {}) });
    return v;
  }
  if (value === null || typeof value !== "object") return value;
  return Array.isArray(value) ? unwrapItems(value, at, marks) : unwrapEntries(value, at, marks);
}

function unwrapItems(value: Json[], at: At | undefined, marks: ProbeMark[] | undefined): Json {
  let out: Json[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const v = value[i]!;
    if (v === null || typeof v !== "object") {
      if (out) out.push(v);
      continue;
    }
    const u = unwrap(v, { parent: at, key: String(i) }, marks);
    if (u !== v && !out) out = value.slice(0, i);
    if (out) out.push(u);
  }
  return out ?? value;
}

function unwrapEntries(value: { [key: string]: Json }, at: At | undefined, marks: ProbeMark[] | undefined): Json {
  let out: Record<string, Json> | undefined;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = value[k]!;
    const u = v === null || typeof v !== "object" ? v : unwrap(v, { parent: at, key: k }, marks);
    if (u !== v && !out) {
      out = {};
      for (const before of keys.slice(0, i)) defineOwn(out, before, value[before]!);
    }
    if (out) defineOwn(out, k, u);
  }
  return out ?? value;
}

/** An own enumerable property, also when the key is "__proto__". */
function defineOwn(out: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
