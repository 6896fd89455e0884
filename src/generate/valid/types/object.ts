import fc, { type Arbitrary } from "fast-check";
import { objectShape, type ObjectShape } from "../../../canonical/object-shape.js";
import { Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import { boundedFilter } from "../bounded-filter.js";
import type { GenContext } from "../context.js";
import type { TypeGenerator } from "../type-generator.js";
import { closeDependencies, planKeys, type KeyPlan } from "./object-keys.js";
import { setOwn, ValueArbitraries } from "./object-values.js";
import { DistinctArrayArbitrary } from "./distinct-array.js";
import { RecordArbitrary } from "./record.js";

/**
 * Objects: every required key (and what dependentRequired pulls in), a subset of the named
 * optional keys, and, where the schema allows them, a few extra keys drawn from propertyNames,
 * patternProperties or free text. min/maxProperties are met by choosing how many keys to take.
 * At the depth cap only what is required is built.
 */
export const objectGenerator: TypeGenerator = {
  type: "object",
  build(canon, ctx, depth, childOf) {
    const shape = objectShape(canon.members, ctx.registry, { parents: canon.parents, require: canon.require, forbid: canon.forbid });
    const values = new ValueArbitraries(shape, depth, childOf);
    const plan = planKeys(shape, ctx, values, childOf, depth);
    const minimal = ctx.minimal(depth);
    const optional = minimal ? [] : plan.optional;
    const needed = shape.minProperties - plan.required.length;
    if (needed > plan.optional.length && !plan.extras) throw new Unsatisfiable("minProperties needs more keys than the schema allows");
    const simple = needed <= 0 && shape.maxProperties >= plan.required.length + optional.length && !optional.some((k) => shape.dependentRequired.has(k));
    const arbitrary = simple
      ? withOccasionalExtras(recordOf(plan.required, optional, values), minimal ? undefined : plan.extras, shape, plan, ctx, values)
      : constrained(shape, plan, minimal, ctx, values);
    return { arbitrary, exact: true };
  },
};

function recordOf(required: string[], optional: string[], values: ValueArbitraries): Arbitrary<Json> {
  const fields = [...required.map((key) => ({ key, arbitrary: values.get(key), required: true })), ...optional.map((key) => ({ key, arbitrary: values.get(key), required: false }))];
  return new RecordArbitrary(fields);
}

/** Now and then, keys the schema does not name but allows: consumers must tolerate them. */
function withOccasionalExtras(base: Arbitrary<Json>, extras: Arbitrary<string> | undefined, shape: ObjectShape, plan: KeyPlan, ctx: GenContext, values: ValueArbitraries): Arbitrary<Json> {
  const room = shape.maxProperties - plan.required.length - plan.optional.length;
  if (!extras || room <= 0) return base;
  const extraRecord = distinctKeys(extras, 1, Math.min(room, ctx.options.maxExtraProperties)).chain((keys) => fixedRecord(keys, values));
  return fc.tuple(base, fc.option(extraRecord, { freq: 4, nil: undefined })).map(([named, more]) => (more ? merge(more as Record<string, Json>, named as Record<string, Json>) : named));
}

/**
 * min/maxProperties or dependentRequired in play: choose the optional keys, close them over
 * dependentRequired, top up with extra keys to reach minProperties, then draw the values.
 */
function constrained(shape: ObjectShape, plan: KeyPlan, minimal: boolean, ctx: GenContext, values: ValueArbitraries): Arbitrary<Json> {
  const room = shape.maxProperties - plan.required.length;
  const needed = Math.max(0, shape.minProperties - plan.required.length);
  const fromOptional = plan.extras ? 0 : Math.min(needed, plan.optional.length);
  const optionalPart = fc.subarray(plan.optional, { minLength: minimal ? Math.min(needed, plan.optional.length) : fromOptional, maxLength: Math.min(plan.optional.length, Math.max(0, room)) });
  const keySets = optionalPart.chain((picked) => {
    const keys = closeDependencies([...plan.required, ...picked], shape);
    const stillNeeded = Math.max(0, shape.minProperties - keys.length);
    const spare = shape.maxProperties - keys.length;
    if (spare < 0 || (stillNeeded > 0 && !plan.extras)) return fc.constant(null);
    if (!plan.extras || spare === 0) return fc.constant(keys);
    const most = Math.min(spare, minimal ? stillNeeded : stillNeeded + ctx.options.maxExtraProperties);
    const taken = new Set(keys);
    return distinctKeys(plan.extras, stillNeeded, most)
      .map((more) => {
        const extra = more.filter((k) => !taken.has(k));
        return extra.length >= stillNeeded ? closeDependencies([...keys, ...extra], shape) : null;
      });
  });
  const valid = boundedFilter(keySets, (keys): keys is string[] => keys !== null && keys.length >= shape.minProperties && keys.length <= shape.maxProperties, "property count", ctx.options.filterBudget, ctx);
  return (valid as Arbitrary<string[]>).chain((keys) => fixedRecord(keys, values));
}

/** Distinct keys (fast-check's uniqueArray would loop forever on a source with too few distinct keys). */
function distinctKeys(source: Arbitrary<string>, min: number, max: number): Arbitrary<string[]> {
  return new DistinctArrayArbitrary(source as Arbitrary<Json>, min, max) as Arbitrary<Json[]> as Arbitrary<string[]>;
}

function fixedRecord(keys: string[], values: ValueArbitraries): Arbitrary<Json> {
  return new RecordArbitrary(keys.map((key) => ({ key, arbitrary: values.get(key), required: true })));
}

/** Extra keys first, then the named ones (which win a clash), "__proto__" kept as an own key. */
function merge(extra: Record<string, Json>, named: Record<string, Json>): Json {
  const out: Record<string, Json> = {};
  for (const k of Object.keys(extra)) setOwn(out, k, extra[k]!);
  for (const k of Object.keys(named)) setOwn(out, k, named[k]!);
  return out;
}
