import fc, { type Arbitrary } from "fast-check";
import { objectShape, safeTest, type ObjectShape } from "../../../canonical/object-shape.js";
import { Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import type { GenContext } from "../context.js";
import { codePointUnit } from "../text.js";
import type { ChildArbitrary, TypeGenerator } from "../type-generator.js";

/**
 * Objects: every required key, a subset of the named optional keys, and (where the
 * schema allows them) a few extra keys drawn from patternProperties or free text.
 * At the depth cap only what is required is built.
 */
export const objectGenerator: TypeGenerator = {
  type: "object",
  build(canon, ctx, depth, childOf) {
    const shape = objectShape(canon.members, ctx.registry);
    const keyOk = keyFilter(shape, ctx);
    const values = new ValueArbitraries(shape, depth, childOf);
    for (const k of shape.required) {
      if (!keyOk(k)) throw new Unsatisfiable(`required property "${k}" is forbidden`);
      values.get(k);
    }
    if (shape.required.length > shape.maxProperties) throw new Unsatisfiable("more required properties than maxProperties");
    const optional = ctx.minimal(depth) ? [] : shape.named.filter((k) => !shape.required.includes(k) && keyOk(k) && values.tryGet(k));
    const extras = extraKeys(shape, ctx, keyOk);
    const simple = shape.minProperties <= shape.required.length && shape.maxProperties >= shape.required.length + optional.length && shape.dependentRequired.size === 0;
    const arbitrary = simple
      ? withOccasionalExtras(recordOf(shape.required, optional, values), ctx.minimal(depth) ? undefined : extras, shape, values, ctx)
      : chosenKeys(shape, optional, extras, ctx.minimal(depth), ctx).chain((keys) => fixedRecord(keys, values));
    const exact = shape.inexact.length === 0 && shape.dependentSchemas.size === 0;
    return { arbitrary, exact };
  },
};

/** Value arbitraries per key, built once; an unsatisfiable optional value drops its key. */
class ValueArbitraries {
  private readonly built = new Map<string, Arbitrary<Json> | null>();
  constructor(
    private readonly shape: ObjectShape,
    private readonly depth: number,
    private readonly childOf: ChildArbitrary,
  ) {}

  get(key: string): Arbitrary<Json> {
    const cached = this.built.get(key);
    if (cached) return cached;
    const schemas = this.shape.childFor(key);
    if (schemas === "forbidden") throw new Unsatisfiable(`property "${key}" is forbidden`);
    const arb = this.childOf({ roots: schemas, nots: [], decided: [] }, this.depth + 1);
    this.built.set(key, arb);
    return arb;
  }

  tryGet(key: string): Arbitrary<Json> | null {
    if (this.built.has(key)) return this.built.get(key)!;
    try {
      return this.get(key);
    } catch (e) {
      if (!(e instanceof Unsatisfiable)) throw e;
      this.built.set(key, null);
      return null;
    }
  }
}

function recordOf(required: string[], optional: string[], values: ValueArbitraries): Arbitrary<Json> {
  const model: Record<string, Arbitrary<Json>> = {};
  for (const k of [...required, ...optional]) model[k] = values.get(k);
  return fc.record(model, { requiredKeys: required }) as Arbitrary<Json>;
}

/** Now and then, keys the schema does not name but allows: consumers must tolerate them. */
function withOccasionalExtras(base: Arbitrary<Json>, extras: Arbitrary<string> | undefined, shape: ObjectShape, values: ValueArbitraries, ctx: GenContext): Arbitrary<Json> {
  const room = shape.maxProperties - shape.required.length - shape.named.length;
  if (!extras || room <= 0) return base;
  const extraRecord = fc
    .uniqueArray(extras, { minLength: 1, maxLength: Math.min(room, ctx.options.maxExtraProperties) })
    .chain((keys) => fixedRecord(keys, values));
  const sometimes = fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: extraRecord, weight: 1 });
  return fc.tuple(base, sometimes).map(([named, more]) => (more ? { ...(more as object), ...(named as object) } : named) as Json);
}

function fixedRecord(keys: string[], values: ValueArbitraries): Arbitrary<Json> {
  const model: Record<string, Arbitrary<Json>> = {};
  for (const k of keys) model[k] = values.get(k);
  return fc.record(model) as Arbitrary<Json>;
}

/** Required keys, a subset of optional ones and some extras, sized within min/maxProperties, with dependentRequired closed over. */
function chosenKeys(shape: ObjectShape, optional: string[], extras: Arbitrary<string> | undefined, minimal: boolean, ctx: GenContext): Arbitrary<string[]> {
  const room = shape.maxProperties - shape.required.length;
  const needed = Math.max(0, shape.minProperties - shape.required.length);
  const optionalPart = fc.subarray(optional, { minLength: Math.min(optional.length, minimal ? Math.min(needed, optional.length) : 0), maxLength: Math.min(optional.length, room) });
  return optionalPart.chain((picked) => {
    const stillNeeded = Math.max(0, needed - picked.length);
    const spare = Math.min(room - picked.length, minimal ? stillNeeded : stillNeeded + ctx.options.maxExtraProperties);
    if (!extras || spare <= 0) {
      if (stillNeeded > 0) throw new Unsatisfiable("minProperties needs keys the schema does not allow");
      return fc.constant(closeDependencies([...shape.required, ...picked], shape));
    }
    const taken = new Set([...shape.required, ...picked]);
    return fc
      .uniqueArray(extras.filter((k) => !taken.has(k)), { minLength: stillNeeded, maxLength: spare })
      .map((more) => closeDependencies([...shape.required, ...picked, ...more], shape));
  }).filter((keys) => keys.length >= shape.minProperties && keys.length <= shape.maxProperties && keys.every((k) => shape.childFor(k) !== "forbidden"));
}

function closeDependencies(keys: string[], shape: ObjectShape): string[] {
  const out = [...keys];
  for (let i = 0; i < out.length; i++) {
    for (const dep of shape.dependentRequired.get(out[i]!) ?? []) if (!out.includes(dep)) out.push(dep);
  }
  return out;
}

/** Keys beyond the named ones: from each patternProperties regex, and free text where any key is allowed. */
function extraKeys(shape: ObjectShape, ctx: GenContext, keyOk: (k: string) => boolean): Arbitrary<string> | undefined {
  const sources: Arbitrary<string>[] = [];
  for (const p of shape.patterns) {
    try {
      const arb = fc.stringMatching(new RegExp(p, "u"), { maxLength: 24 });
      fc.sample(arb, { numRuns: 1, seed: 0 });
      sources.push(arb);
    } catch {
      // A pattern fast-check cannot drive yields no extra keys; named keys remain.
    }
  }
  if (shape.anyKeyAllowed) sources.push(fc.string({ unit: codePointUnit, minLength: 0, maxLength: 12 }));
  if (sources.length === 0) return undefined;
  const named = new Set(shape.named);
  return fc.oneof(...sources).filter((k) => !named.has(k) && keyOk(k) && (shape.anyKeyAllowed || shape.patterns.some((p) => safeTest(p, k))));
}

/** A key is usable when no member forbids it and every propertyNames schema accepts it. */
function keyFilter(shape: ObjectShape, ctx: GenContext): (key: string) => boolean {
  const checks = shape.propertyNames.map((l) => ctx.check(l));
  return (key) => shape.childFor(key) !== "forbidden" && checks.every((c) => c(key));
}
