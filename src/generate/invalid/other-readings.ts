import fc, { type Arbitrary } from "fast-check";
import { resolveReference } from "../../canonical/references.js";
import { child } from "../../canonical/location.js";
import { Unsatisfiable } from "../../canonical/unsatisfiable.js";
import { refHidesSiblings } from "../../keywords/dialects.js";
import { isAppliedIn, isEvaluated, isKeptBesideRef, isReference, keywordNamed, referencesOf } from "../../keywords/registry.js";
import { isObject, type Json } from "../../schema/json.js";
import type { Located } from "../../schema/registry.js";
import { directSubschemas } from "../../schema/subschemas.js";
import type { Target } from "../../schema/target.js";
import { GuardedDraw, guardedBuild } from "../guarded-draw.js";
import type { GenContext } from "../valid/context.js";
import { validArbitrary } from "../valid/index.js";
import { rootApplied, type Applied } from "./applied.js";
import { MutationEngine } from "./engine.js";
import { retried } from "./first-some.js";
import { guardedBox } from "./guarded.js";
import { evaluationRoot } from "./index.js";
import { OracleUnavailable } from "../../oracle/oracle.js";
import { InputError } from "../../schema/errors.js";

/**
 * A keyword written where its dialect does not read it, that another dialect does: one
 * outside the dialect (`const`, `contains`, `if` in draft-04; `unevaluatedProperties`,
 * `dependentRequired`, `prefixItems` in draft-07), or beside `$ref` in draft-04 to draft-07.
 */
export function isReadOtherwise(keyword: string, l: Located): boolean {
  if (!isEvaluated(keyword) || isReference(keyword) || !isObject(l.schema)) return false;
  if (refHidesSiblings(l.dialect) && typeof l.schema.$ref === "string") return !isKeptBesideRef(keyword);
  return keywordNamed(keyword) !== undefined && !isAppliedIn(keyword, l.dialect);
}

const breakReadOtherwise = (keyword: string, member: Applied): boolean => isReadOtherwise(keyword, member.located);

/** Schemas reached before the search stops (a bundle's worth): beyond it, the target is taken to have some. */
const REACH_LIMIT = 2_000;

/** True when some schema the target reaches holds a keyword read otherwise (breadth first, refs followed). */
export function reachesOtherReading(root: Located, ctx: GenContext): boolean {
  const seen = new Set<string>();
  const queue: Located[] = [root];
  for (let l = queue.shift(); l; l = queue.shift()) {
    const key = `${l.document.uri}#${l.pointer}`;
    if (seen.has(key)) continue;
    if (seen.add(key).size > REACH_LIMIT) return true;
    if (!isObject(l.schema)) continue;
    const schema = l.schema;
    if (Object.keys(schema).some((k) => isReadOtherwise(k, l!))) return true;
    for (const keyword of referencesOf(l.dialect)) {
      const target = typeof schema[keyword] === "string" ? resolveReference(l, ctx.registry, keyword) : undefined;
      if (target) queue.push(target);
    }
    for (const sub of directSubschemas(schema)) {
      const c = isEvaluated(sub.tokens[0]!) ? child(l, ctx.registry, ...sub.tokens) : undefined;
      if (c) queue.push(c);
    }
  }
  return false;
}

/** Valid values drawn for one probe before the draw falls back on a plain valid value. */
const VALID_TRIES = 3;

/**
 * Valid payloads that break a keyword the target's dialect does not read, as a dialect that
 * does read it would (`{"const": 1}` in draft-04, `maximum` beside a draft-07 `$ref`): the
 * direction chance seldom draws, and where a validator applying the keyword anyway rejects
 * what the specification accepts. Each is kept only when the oracle, reading the dialect as
 * its specification says, accepts it; a draw that finds none gives a plain valid value.
 * Undefined when the target reaches no such keyword.
 */
export function otherReadingArbitrary(target: Target, ctx: GenContext): Arbitrary<Json | null> | undefined {
  return guardedBuild(ctx, () => {
    const root = evaluationRoot(target);
    if (!reachesOtherReading(root, ctx)) return undefined;
    let valid: Arbitrary<Json>;
    try {
      valid = validArbitrary(target, ctx);
    } catch (e) {
      if (e instanceof Unsatisfiable) return undefined;
      throw e;
    }
    const engine = new MutationEngine(ctx, { select: breakReadOtherwise, otherReading: true });
    const verdict = ctx.oracle.judge(target.uri, target.dialect, { stage: "valid generation (other readings)" });
    const roots = [rootApplied(root)];
    const drawn = retried(guardedBox(valid).chain((v) => (v === null ? fc.constant(null) : engine.violationsOf(v.value, roots, 0, 0))), VALID_TRIES);
    return new GuardedDraw(new NullWhereUnjudged(drawn.map((v) => (v !== null && verdict(v.value) === true ? v.value : null))), ctx);
  });
}

/**
 * Null where a draw reaches a place the oracle cannot judge: beside a draft-07 `$ref` the
 * subschemas of the hidden siblings are not in the document ajv holds (the specification's
 * reading drops them), so a branch check there is "schema not found". That is no fault of the
 * target: the probe is given up and a plain valid value is drawn instead (minecraft-recipe.json).
 */
class NullWhereUnjudged<T> extends fc.Arbitrary<T | null> {
  constructor(private readonly inner: Arbitrary<T | null>) {
    super();
  }

  generate(mrng: Parameters<Arbitrary<T>["generate"]>[0], biasFactor: number | undefined): fc.Value<T | null> {
    try {
      return this.inner.generate(mrng, biasFactor);
    } catch (e) {
      if (e instanceof OracleUnavailable || e instanceof InputError) return new fc.Value<T | null>(null, undefined);
      throw e;
    }
  }

  canShrinkWithoutContext(value: unknown): value is T | null {
    return false;
  }

  shrink(value: T | null, context: unknown): fc.Stream<fc.Value<T | null>> {
    return value === null ? fc.Stream.nil() : this.inner.shrink(value, context);
  }
}

/**
 * The target's valid payloads with, one draw in five, a payload valid only as its own dialect
 * reads it (otherReadingArbitrary), made one of them by `lift`; the valid arbitrary itself
 * where there is none.
 */
export function withOtherReadings<T>(valid: Arbitrary<T>, target: Target, ctx: GenContext, lift: (value: Json) => T): Arbitrary<T> {
  const other = otherReadingArbitrary(target, ctx);
  if (!other) return valid;
  const probed = fc.tuple(other, valid).map(([o, v]) => (o === null ? v : lift(o)));
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: probed, weight: 1 });
}
