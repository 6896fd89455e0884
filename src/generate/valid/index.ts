import fc, { type Arbitrary } from "fast-check";
import { reachesDynamicReference, startScope } from "../../canonical/dynamic-scope.js";
import { InputError } from "../../schema/errors.js";
import type { Json } from "../../schema/json.js";
import type { Located } from "../../schema/registry.js";
import type { Target } from "../../schema/target.js";
import { OracleUnavailable, type Check } from "../../oracle/oracle.js";
import type { GenContext } from "./context.js";
import { GenerationGaveUp } from "./bounded-filter.js";
import { GuardedDraw, guardedBuild } from "../guarded-draw.js";
import { Unsatisfiable } from "../../canonical/unsatisfiable.js";
import { probedFilter, validArbitraryOf } from "./dispatch.js";
import { plainOf, probedOf, type Probed } from "./types/probe-value.js";

export { GenContext } from "./context.js";
export type { Probed } from "./types/probe-value.js";
export { GenerationGaveUp, GenerationStuck, GenerationTimeout } from "./bounded-filter.js";
export { Unsatisfiable } from "../../canonical/unsatisfiable.js";

/** The located root schema of a target. */
export function locateTarget(target: Target): Located {
  const located = target.registry.lookup(target.uri);
  if (!located) throw new InputError(target.file, target.pointer, "target not found in the registry");
  return located;
}

/**
 * Valid payloads of a target; throws Unsatisfiable when it has none. Building is held to the
 * target's time limit, and so is each draw (GenerationTimeout, never a hang).
 *
 * Where the target can reach `$dynamicRef`/`$recursiveRef`, generation follows the dynamic
 * scope, and the oracle's local checks (which see a subschema without its dynamic scope) are
 * backed by a last-resort bounded check of the whole target.
 */
export function validArbitrary(target: Target, ctx: GenContext): Arbitrary<Json> {
  return validProbedArbitrary(target, ctx).map((v) => v.instance);
}

/** Valid values with their probes marked (names, pointers, spellings): what valid payloads are made of. */
export function validProbedArbitrary(target: Target, ctx: GenContext): Arbitrary<Probed> {
  return guardedBuild(ctx, () => buildValidArbitrary(target, ctx)).map(probedOf);
}

function buildValidArbitrary(target: Target, ctx: GenContext): Arbitrary<Json> {
  ctx.beginTarget();
  const located = locateTarget(target);
  if (!reachesDynamicReference(located, ctx.registry)) return new GuardedDraw(new EachDrawTimed(validArbitraryOf({ roots: [located], nots: [], decided: [] }, ctx, 0), ctx), ctx);
  const arb = validArbitraryOf({ roots: [startScope(located)], nots: [], decided: [] }, ctx, 0);
  const whole = wholeTargetCheck(target, ctx);
  return new GuardedDraw(new EachDrawTimed(whole ? probedFilter(arb, whole, `target ${target.id}`, ctx) : arb, ctx), ctx);
}

type Random = Parameters<Arbitrary<Json>["generate"]>[0];

/**
 * Restarts the time limit at each draw: lazy choices build branches while drawing, and those
 * builds were held to the limit counted from building the target, so a run of 100 draws of a
 * schema with many lazy choices (popxf) gave up after ten seconds of drawing.
 */
class EachDrawTimed extends fc.Arbitrary<Json> {
  constructor(
    private readonly inner: Arbitrary<Json>,
    private readonly ctx: GenContext,
  ) {
    super();
  }

  generate(mrng: Random, biasFactor: number | undefined): fc.Value<Json> {
    this.ctx.beginTarget();
    return this.inner.generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is Json {
    return this.inner.canShrinkWithoutContext(value);
  }

  shrink(value: Json, context: unknown): fc.Stream<fc.Value<Json>> {
    return this.inner.shrink(value, context);
  }
}

/**
 * How a failure of valid generation is to be reported: an Unsatisfiable that is not a proof
 * (nothing found by a bounded search) becomes GenerationGaveUp ("generation gave up: …"), so a
 * target is called unsatisfiable only on a proof; anything else is returned as it is.
 * validArbitrary itself still throws the Unsatisfiable, which the invalid generator needs in
 * order to build invalid payloads without a valid value.
 */
export function asReported(e: unknown): unknown {
  return e instanceof Unsatisfiable && !e.proven ? new GenerationGaveUp(`no valid value found, and none proven impossible: ${e.reason}`) : e;
}

/** The oracle's check of the whole target, or undefined when ajv cannot compile it (then the construction stands alone). */
function wholeTargetCheck(target: Target, ctx: GenContext): Check | undefined {
  try {
    const check = ctx.oracle.check(target.uri, target.dialect);
    return (value) => check(plainOf(value as Json));
  } catch (e) {
    if (e instanceof InputError || e instanceof OracleUnavailable) return undefined;
    throw e;
  }
}

/** `count` valid payloads of a target from `seed` (fast-check's sample), for callers that need no property. */
export function sampleValid(target: Target, ctx: GenContext, count: number, seed: number): Json[] {
  return fc.sample(validArbitrary(target, ctx), { numRuns: count, seed });
}
