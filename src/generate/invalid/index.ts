import fc, { type Arbitrary } from "fast-check";
import { reachesDynamicReference, startScope } from "../../canonical/dynamic-scope.js";
import { Unsatisfiable } from "../../canonical/unsatisfiable.js";
import type { Located } from "../../schema/registry.js";
import type { Json } from "../../schema/json.js";
import type { Target } from "../../schema/target.js";
import type { BreakLabel } from "../../model/label.js";
import { boundedFilter, GenerationStuck } from "../valid/bounded-filter.js";
import { GuardedDraw, guardedBuild } from "../guarded-draw.js";
import type { GenContext } from "../valid/context.js";
import { locateTarget, validArbitrary } from "../valid/index.js";
import { rootApplied } from "./applied.js";
import { MutationEngine } from "./engine.js";
import { retried } from "./first-some.js";
import { guardedBox } from "./guarded.js";
import { pointerOf } from "./instance.js";
import { pointerToFragment } from "../../schema/pointer.js";
import { keywordMap } from "./keyword-occurrences.js";
import type { Violation } from "./mutator.js";
import { invalidStats, InvalidStats } from "./stats.js";
import { unbreakableReason } from "./unbreakable.js";
import { breaksWithoutValidValue } from "./unsatisfiable.js";

export { InvalidStats, invalidStats } from "./stats.js";
export { keywordsAlong } from "./evaluation-path.js";
export { keywordMap, type KeywordOccurrence } from "./keyword-occurrences.js";

/**
 * An instance that breaks one keyword, and which. `label.schemaPath` is the keyword's
 * evaluation path from the target root, through `$ref` (JSON Schema output's keywordLocation:
 * "/properties/a/$ref/type"); `schemaLocation` is where the keyword is written (absoluteKeywordLocation).
 * `label.instancePath` points at the value the keyword is evaluated on: the object for
 * required/additionalProperties/minProperties, the array for items count and contains keywords.
 */
export interface InvalidPayload {
  instance: Json;
  label: BreakLabel;
  /** Document URI + "#" + pointer of the broken keyword. */
  schemaLocation: string;
}

/** Valid values drawn for one payload before the draw counts as empty (a value may offer nothing to break). */
const VALID_TRIES = 4;
/** Consecutive draws without a payload (no breakable site in the drawn value, or a branch no longer selected) before giving up. */
const NO_PAYLOAD_BUDGET = 300;
/** Consecutive raw payloads the oracle accepts before giving up. */
const ORACLE_BUDGET = 300;
/** Draws tried once, with a fixed seed, to tell whether a target can be broken at all. */
const PROBE_RUNS = 30;
const PROBE_SEED = 0x1badb002;
/** The oracle's filter of invalid payloads: the drawing stage's guard limits it. */
const INVALID_FILTER = { stage: "invalid generation" };

/** Invalid payloads of a target, each re-checked with the oracle; undefined when nothing can be broken. */
export function invalidArbitrary(target: Target, ctx: GenContext, stats: InvalidStats = invalidStats): Arbitrary<InvalidPayload> | undefined {
  return guardedBuild(ctx, () => buildInvalidArbitrary(target, ctx, stats));
}

function buildInvalidArbitrary(target: Target, ctx: GenContext, stats: InvalidStats): Arbitrary<InvalidPayload> | undefined {
  const raw = rawInvalidArbitrary(target, ctx);
  if (!raw) return undefined;
  const verdict = ctx.oracle.judge(target.uri, target.dialect, INVALID_FILTER);
  if (!probe(raw, (p) => verdict(p.instance) === false)) return undefined;
  const confirmed = (p: InvalidPayload) => {
    const invalid = verdict(p.instance) === false; // no verdict is not "invalid"
    stats.record(p.label.keyword, invalid);
    return invalid;
  };
  return new GuardedDraw(boundedFilter(raw, confirmed, `invalid payloads of ${target.id} (the oracle accepted every mutation)`, ORACLE_BUDGET), ctx);
}

/** Same but without the oracle filter, to measure mutator precision. */
export function rawInvalidArbitrary(target: Target, ctx: GenContext): Arbitrary<InvalidPayload> | undefined {
  return guardedBuild(ctx, () => buildRawInvalidArbitrary(target, ctx));
}

function buildRawInvalidArbitrary(target: Target, ctx: GenContext): Arbitrary<InvalidPayload> | undefined {
  const root = evaluationRoot(target);
  if (root.schema === false) return fc.constant(falseRootPayload(target));
  const roots = [rootApplied(root)];
  let valid: Arbitrary<Json>;
  try {
    valid = validArbitrary(target, ctx);
  } catch (e) {
    if (!(e instanceof Unsatisfiable)) throw e;
    const found = breaksWithoutValidValue(roots, ctx);
    return found.length > 0 ? fc.constantFrom(...found).map(toPayload) : undefined;
  }
  const engine = new MutationEngine(ctx);
  const drawn = retried(guardedBox(valid).chain((v) => (v === null ? fc.constant(null) : engine.violationsOf(v.value, roots, 0, 0))), VALID_TRIES);
  const arb = new GuardedDraw(boundedFilter(drawn, (v): v is Violation => v !== null, `invalid payloads of ${target.id} (no keyword could be broken)`, NO_PAYLOAD_BUDGET).map((v) => toPayload(v!)), ctx);
  return probe(arb, () => true) ? arb : undefined;
}

/** Keywords of the target that no mutator can break, with reasons (for coverage). */
export function unbreakableKeywords(target: Target, ctx: GenContext): Array<{ schemaPath: string; keyword: string; reason: string }> {
  const out: Array<{ schemaPath: string; keyword: string; reason: string }> = [];
  for (const occ of keywordMap(evaluationRoot(target), ctx).occurrences) {
    const reason = unbreakableReason(occ, ctx);
    if (reason !== undefined) out.push({ schemaPath: occ.schemaPath, keyword: occ.keyword, reason });
  }
  return out;
}

/** The target's root, carrying its dynamic scope when it can reach $dynamicRef/$recursiveRef (as valid generation does). */
export function evaluationRoot(target: Target): Located {
  const located = locateTarget(target);
  return reachesDynamicReference(located, target.registry) ? startScope(located) : located;
}

function toPayload(v: Violation): InvalidPayload {
  return {
    instance: v.value,
    label: { keyword: v.keyword, schemaPath: v.schemaPath, instancePath: pointerOf(v.instance) },
    schemaLocation: `${v.location.document.uri}#${keywordFragment(v.location.pointer)}`,
  };
}

function keywordFragment(pointer: string): string {
  return pointerToFragment(pointer);
}

/** Every value breaks `false`: the target itself is the keyword. */
function falseRootPayload(target: Target): InvalidPayload {
  return { instance: null, label: { keyword: "false", schemaPath: "", instancePath: "" }, schemaLocation: target.uri };
}

/**
 * True when some of a few draws (fixed seed) passes `accept`; false when none does or drawing
 * gives up. The draws stop at the first accepted one (fc.sample draws all it is asked for, and
 * these two probes were half of building a target's generators); the sequence is fc.sample's.
 */
function probe(arb: Arbitrary<InvalidPayload>, accept: (p: InvalidPayload) => boolean): boolean {
  const accepted = new ProbeAccepted();
  try {
    fc.sample(arb.map((p) => {
      if (accept(p)) throw accepted;
      return p;
    }), { numRuns: PROBE_RUNS, seed: PROBE_SEED });
    return false;
  } catch (e) {
    if (e === accepted) return true;
    if (e instanceof GenerationStuck || e instanceof Unsatisfiable) return false;
    throw e;
  }
}

/** Thrown out of a probe's draws at the first accepted one, to stop drawing. */
class ProbeAccepted extends Error {}
