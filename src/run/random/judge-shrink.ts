/**
 * What happens to a random target's findings: each disagreement (one instance, every adapter
 * that leaves the oracle on it) is observed again with every witness, judged by the majority
 * (compare/majority.ts), and a confirmed one has its schema shrunk while the same adapters
 * disagree the same way under the oracle. The instance was shrunk first, by the campaign.
 */
import type { Adapter } from "../../adapters/adapter.js";
import { keywordSignature, signatureOf, type RandomFinding } from "../../compare/bug-groups.js";
import { oracleMisjudges, standingOf } from "../../compare/majority.js";
import { validity } from "../../compare/observation.js";
import { shrinkSchema } from "../../generate/schema/shrink-schema.js";
import type { Finding, FindingKind, Observation } from "../../model/finding.js";
import type { Json, JsonSchema } from "../../schema/json.js";
import type { Target } from "../../schema/target.js";
import { disagreementOf, observe, type Expected, type Observed, type ObserveOptions } from "./observe.js";

/** The kinds judged here; format differences and timeouts (load on a shared machine) are left to the campaign's report. */
const JUDGED_KINDS: readonly FindingKind[] = ["false-accept", "false-reject", "adapter-error"];

export interface JudgeOptions extends ObserveOptions {
  seed: number;
  /** Checks of the property per schema shrink (default 200). */
  maxShrinkChecks?: number;
  /** Time per schema shrink, ms (default 60,000): an adapter slow on every candidate cannot hold the run. */
  shrinkTimeMs?: number;
  /** True once the run must stop (budget spent, Ctrl-C): shrinking ends with what it has. */
  stopped: () => boolean;
}

/** Disagreements not turned into findings, by reason. */
export type SetAside = Record<string, number>;

/** Judges and shrinks one target's findings; `known` are the findings so far (a bug already shrunk is not shrunk again). */
export async function judgeTargetFindings(target: Target, findings: readonly Finding[], adapters: readonly Adapter[], known: readonly RandomFinding[], options: JudgeOptions, setAside: SetAside): Promise<RandomFinding[]> {
  const out: RandomFinding[] = [];
  for (const instance of distinctInstances(findings)) {
    if (options.stopped()) return out;
    const observed = await observe(target.schema, target.dialect, instance.value, adapters, options);
    const disagreement = observed && disagreementOf(observed);
    if (!observed || disagreement!.length === 0) {
      count(setAside, observed ? "did not reproduce when observed again" : "oracle gave no verdict when observed again");
      continue;
    }
    const standing = (await formatDependent(target, instance.value, disagreement!, adapters, options))
      ? "format-difference"
      : oracleMisjudges(target.dialect, instance.value) ? "oracle-suspect" : standingOf(instance.expected, observed.oracle, observed.adapters, keywordSignature(target.schema, target.dialect));
    const base: RandomFinding = {
      dialect: target.dialect, schema: target.schema, instance: instance.value, valid: observed.oracle, disagreement: disagreement!, observations: observed.adapters,
      standing, shrunk: false, origin: { target: target.id, seed: options.seed },
    };
    const explained = explainedBy(base, [...known, ...out]);
    // A timeout is not shrunk: each candidate would cost the adapter's whole time limit.
    const shrinkable = standing === "confirmed" && !explained && !disagreement!.some((d) => d.endsWith("=timeout"));
    out.push(shrinkable ? await shrunk(base, observed, adapters, options) : explained ? { ...base, sameAs: explained } : base);
  }
  return out;
}

/**
 * True when the disagreement goes away once every `format` is removed from the schema (or the
 * oracle then judges otherwise): the campaign sets format-only rejects apart, but a format
 * under `not` or `oneOf` makes a false accept of the same kind.
 */
async function formatDependent(target: Target, instance: Json, disagreement: readonly string[], adapters: readonly Adapter[], options: JudgeOptions): Promise<boolean> {
  const plain = withoutFormats(target.schema);
  if (JSON.stringify(plain) === JSON.stringify(target.schema)) return false;
  const o = await observe(plain as JsonSchema, target.dialect, instance, adapters, options);
  return o === undefined || disagreementOf(o).join() !== disagreement.join();
}

/** A copy without `format` keywords (a string-valued `format` key anywhere: a property named "format" holds a schema). */
function withoutFormats(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFormats);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => !(k === "format" && typeof v === "string")).map(([k, v]) => [k, withoutFormats(v)]));
}

/** The findings' instances, each once (several adapters disagreeing on one instance are one disagreement). */
function distinctInstances(findings: readonly Finding[]): Array<{ value: Json; expected: "valid" | "invalid" }> {
  const seen = new Map<string, { value: Json; expected: "valid" | "invalid" }>();
  for (const f of findings) {
    if (!JUDGED_KINDS.includes(f.kind) || f.instance === null) continue;
    const key = JSON.stringify(f.instance);
    if (!seen.has(key)) seen.set(key, { value: f.instance as Json, expected: f.expected });
  }
  return [...seen.values()];
}

/**
 * The signature of a shrunk finding this one likely repeats: same standing and disagreement,
 * and every keyword of its minimal schema present here. Such a finding is kept as an example
 * of that bug, unshrunk, instead of being shrunk again (shrinking is the costly step).
 */
function explainedBy(f: RandomFinding, known: readonly RandomFinding[]): string | undefined {
  const mine = new Set(keywordSignature(f.schema, f.dialect));
  const match = known.find((k) => k.shrunk && k.standing === f.standing && k.disagreement.join() === f.disagreement.join() && keywordSignature(k.schema, k.dialect).every((w) => mine.has(w)));
  return match && signatureOf(match);
}

async function shrunk(f: RandomFinding, observed: Observed, adapters: readonly Adapter[], options: JudgeOptions): Promise<RandomFinding> {
  const wanted = f.disagreement.join();
  const said = new Map(f.disagreement.map((d) => [d.slice(0, d.lastIndexOf("=")), d.slice(d.lastIndexOf("=") + 1) as Observation]));
  // The disagreeing adapters are asked first: a candidate that lost the bug is dropped after one or two requests.
  const ordered = [...adapters].sort((a, b) => Number(said.has(b.name)) - Number(said.has(a.name)));
  const expected: Expected = (name, oracleValid) => said.get(name) ?? (observed.adapters[name] === "skipped" ? "any" : validity(oracleValid));
  let last = observed;
  const holds = async (candidate: unknown): Promise<boolean> => {
    if (typeof candidate !== "object" || candidate === null || Array.isArray(candidate)) return false;
    const o = await observe(candidate as JsonSchema, f.dialect, f.instance, ordered, options, expected);
    const same = o !== undefined && o.oracle === observed.oracle && disagreementOf(o).join() === wanted && standingOf(validity(o.oracle), o.oracle, o.adapters, keywordSignature(candidate as JsonSchema, f.dialect)) === f.standing;
    if (same) last = o;
    return same;
  };
  const deadline = performance.now() + (options.shrinkTimeMs ?? 60_000);
  const result = await shrinkSchema(f.schema, holds, { maxChecks: options.maxShrinkChecks ?? 200, stop: () => options.stopped() || performance.now() > deadline });
  return { ...f, schema: result.schema as JsonSchema, observations: inOrder(last.adapters, adapters), shrunk: result.schema !== f.schema };
}

/** Observations in the run's adapter order (shrinking asked them in another). */
function inOrder(observations: Record<string, Observation>, adapters: readonly Adapter[]): Record<string, Observation> {
  return Object.fromEntries(adapters.filter((a) => a.name in observations).map((a) => [a.name, observations[a.name]!]));
}

function count(set: SetAside, reason: string): void {
  set[reason] = (set[reason] ?? 0) + 1;
}
