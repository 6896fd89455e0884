import path from "node:path";
import fc, { type Arbitrary } from "fast-check";
import type { Json } from "../schema/json.js";
import type { Expectation } from "../model/finding.js";
import type { BreakLabel } from "../model/label.js";
import type { ProbeMark } from "../model/probe.js";
import { jsonTextOf } from "../model/json-text.js";
import { getAtPointer } from "../schema/pointer.js";
import type { Probed } from "../generate/valid/index.js";

/** One generated instance with its label by construction. */
export interface Payload {
  instance: Json;
  expected: Expectation;
  /** What an invalid payload breaks; null for a valid one. */
  label: BreakLabel | null;
  /** For an invalid payload: document URI + "#" + pointer of the broken keyword. */
  schemaLocation?: string;
  /** The probes a valid payload holds (names, pointers, spellings). */
  probes?: ProbeMark[];
}

/** A stream of payloads and the seed it was drawn with, so any payload can be replayed by path. */
export interface PayloadStream {
  arbitrary: Arbitrary<Payload>;
  seed: number;
  payloads: Payload[];
}

export function validPayloads(arb: Arbitrary<Probed>): Arbitrary<Payload> {
  return arb.map(({ instance, probes }) => ({ instance, expected: "valid" as const, label: null, ...(probes.length > 0 ? { probes } : {}) }));
}

/** The payload's exact JSON text when a probe is spelled otherwise than JSON.stringify writes; text-speaking adapters receive it. */
export function payloadText(p: Pick<Payload, "instance" | "probes">): string | undefined {
  return jsonTextOf(p.instance, p.probes);
}

/**
 * The payload with an edited instance (reduction), keeping the probes still true of it: each
 * whose pointer still holds its value. An edit that replaced or removed a probe drops its
 * mark, so no name or spelling outlives the value it describes.
 */
export function withInstance(p: Payload, instance: Json): Payload {
  const { probes, ...rest } = p;
  const kept = (probes ?? []).filter((m) => Object.is(valueAt(instance, m.instancePath), valueAt(p.instance, m.instancePath)));
  return { ...rest, instance, ...(kept.length > 0 ? { probes: kept } : {}) };
}

function valueAt(instance: Json, pointer: string): unknown {
  return getAtPointer(instance, pointer);
}

export function invalidPayloads(arb: Arbitrary<{ instance: Json; label: BreakLabel; schemaLocation: string }>): Arbitrary<Payload> {
  return arb.map(({ instance, label, schemaLocation }) => ({ instance, expected: "invalid" as const, label, schemaLocation }));
}

/** Draws `count` payloads; fast-check's run i of `seed` is payload i (what `path: "i"` replays). */
export function drawStream(arbitrary: Arbitrary<Payload>, seed: number, count: number): PayloadStream {
  const payloads = count > 0 ? fc.sample(arbitrary, { seed, numRuns: count }) : [];
  return { arbitrary, seed, payloads };
}

/**
 * A per-target seed from the run seed and the target's name: adding a target changes no
 * other target's payloads. The name is the file's base name and the pointer, not the
 * absolute path, so the same seed draws the same payloads in any checkout or folder.
 */
export function targetSeed(runSeed: number, target: { file: string; pointer: string }): number {
  const key = `${path.basename(target.file)}#${target.pointer}`;
  let h = runSeed | 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h ^ key.charCodeAt(i), 0x01000193) + 0x9e3779b9) | 0;
  return h;
}
