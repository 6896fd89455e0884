import path from "node:path";
import fc, { type Arbitrary } from "fast-check";
import type { Json } from "../schema/json.js";
import type { Expectation } from "../model/finding.js";
import type { BreakLabel } from "../model/label.js";

/** One generated instance with its label by construction. */
export interface Payload {
  instance: Json;
  expected: Expectation;
  /** What an invalid payload breaks; null for a valid one. */
  label: BreakLabel | null;
  /** For an invalid payload: document URI + "#" + pointer of the broken keyword. */
  schemaLocation?: string;
}

/** A stream of payloads and the seed it was drawn with, so any payload can be replayed by path. */
export interface PayloadStream {
  arbitrary: Arbitrary<Payload>;
  seed: number;
  payloads: Payload[];
}

export function validPayloads(arb: Arbitrary<Json>): Arbitrary<Payload> {
  return arb.map((instance) => ({ instance, expected: "valid" as const, label: null }));
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
