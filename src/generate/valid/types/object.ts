import fc, { type Arbitrary } from "fast-check";
import { objectShape, type ObjectShape } from "../../../canonical/object-shape.js";
import { keywordSites, Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Located } from "../../../schema/registry.js";
import type { Json } from "../../../schema/json.js";
import { boundedFilter } from "../bounded-filter.js";
import type { GenContext } from "../context.js";
import type { TypeGenerator } from "../type-generator.js";
import { closeDependencies, planKeys, type KeyPlan } from "./object-keys.js";
import { hashedObject, setOwn, ValueArbitraries } from "./object-values.js";
import { ExtraEntriesArbitrary, type Entries } from "./extra-entries.js";
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
    const plan = located(canon.members, () => planKeys(shape, ctx, values, childOf, depth));
    const minimal = ctx.minimal(depth);
    const optional = minimal ? [] : plan.optional;
    const needed = shape.minProperties - plan.required.length;
    if (needed > plan.optional.length && !plan.extras) throw new Unsatisfiable(`minProperties needs more keys than the schema allows (${keywordSites(canon.members, "minProperties", "properties", "additionalProperties", "propertyNames")})`);
    const simple = needed <= 0 && shape.maxProperties >= plan.required.length + optional.length && !optional.some((k) => shape.dependentRequired.has(k));
    const arbitrary = simple
      ? withOccasionalExtras(recordOf(plan.required, optional, values, ctx), minimal ? undefined : plan.extras, shape, plan, ctx, values)
      : constrained(shape, plan, minimal, ctx, values);
    return { arbitrary, exact: true };
  },
};

/** Runs `plan`; a failure about keys also names where the object keywords are written (required, additionalProperties…). */
function located<T>(members: Located[], plan: () => T): T {
  try {
    return plan();
  } catch (e) {
    if (!(e instanceof Unsatisfiable) || /^property "[^"]*": /.test(e.reason)) throw e; // a value's own failure names its keywords
    throw new Unsatisfiable(`${e.reason} (${keywordSites(members, "required", "additionalProperties", "patternProperties", "propertyNames", "maxProperties")})`, e.proven);
  }
}

function recordOf(required: string[], optional: string[], values: ValueArbitraries, ctx: GenContext): Arbitrary<Json> {
  const fields = [...required.map((key) => ({ key, arbitrary: values.get(key), required: true })), ...optional.map((key) => ({ key, arbitrary: values.get(key), required: false }))];
  return new RecordArbitrary(fields, false, ctx.options);
}

/** Now and then, keys the schema does not name but allows: consumers must tolerate them. */
function withOccasionalExtras(base: Arbitrary<Json>, extras: Arbitrary<string> | undefined, shape: ObjectShape, plan: KeyPlan, ctx: GenContext, values: ValueArbitraries): Arbitrary<Json> {
  const room = shape.maxProperties - plan.required.length - plan.optional.length;
  if (!extras || room <= 0) return base;
  // Drawn keys never repeat a named key, nor trigger a dependentRequired the simple path does not close over.
  const taken = new Set([...plan.required, ...plan.optional, ...shape.dependentRequired.keys()]);
  const entries = new ExtraEntriesArbitrary(extras, (k) => values.get(k), 1, Math.min(room, ctx.options.maxExtraProperties), taken);
  return fc.tuple(base, fc.option(entries, { freq: 4, nil: undefined })).map(([object, more]) => (more ? withEntries(more, object as Record<string, Json>) : object));
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
  const keySets = optionalPart.map((picked) => closeDependencies([...plan.required, ...picked], shape));
  const fitting = boundedFilter(keySets, (keys) => keys.length <= shape.maxProperties && (plan.extras !== undefined || keys.length >= shape.minProperties), "property count", ctx.options.filterBudget, ctx);
  return fitting.chain((keys) => {
    const record = fixedRecord(keys, values);
    const stillNeeded = Math.max(0, shape.minProperties - keys.length);
    const spare = shape.maxProperties - keys.length;
    if (!plan.extras || spare === 0) return record;
    const most = Math.min(spare, minimal ? stillNeeded : stillNeeded + ctx.options.maxExtraProperties);
    const entries = new ExtraEntriesArbitrary(plan.extras, (k) => values.get(k), stillNeeded, most, new Set([...keys, ...shape.dependentRequired.keys()]));
    return fc.tuple(record, entries).map(([object, more]) => withEntries(more, object as Record<string, Json>));
  });
}

function fixedRecord(keys: string[], values: ValueArbitraries): Arbitrary<Json> {
  return new RecordArbitrary(keys.map((key) => ({ key, arbitrary: values.get(key), required: true })), true);
}

/** Drawn keys first, then the object's own (which win a clash), "__proto__" kept as an own key. */
function withEntries(entries: Entries, object: Record<string, Json>): Json {
  const out = hashedObject();
  for (const [k, v] of entries) setOwn(out, k, v);
  for (const k of Object.keys(object)) setOwn(out, k, object[k]!);
  return out;
}
