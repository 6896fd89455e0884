import fc, { type Arbitrary } from "fast-check";
import { arrayShape, type ArrayShape } from "../../../canonical/array-shape.js";
import { canonicalJson } from "../../../canonical/json-equal.js";
import { Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import { boundedFilter } from "../bounded-filter.js";
import type { GenContext } from "../context.js";
import type { ChildArbitrary, TypeGenerator } from "../type-generator.js";

/**
 * Arrays: a length within the bounds (boundaries drawn often), each position from its own
 * schemas, the items that `contains` needs placed after the others, uniqueness by
 * construction where every position shares one schema, else by an exact local check.
 */
export const arrayGenerator: TypeGenerator = {
  type: "array",
  build(canon, ctx, depth, childOf) {
    const shape = arrayShape(canon.members, ctx.registry);
    const needed = shape.contains.reduce((n, c) => n + c.min, 0);
    const minLength = Math.max(shape.minItems, needed);
    if (minLength > shape.maxItems) throw new Unsatisfiable(`needs ${minLength} items but maxItems is ${shape.maxItems}`);
    const spread = ctx.minimal(depth) ? 0 : ctx.options.arraySpread;
    const items = new ItemArbitraries(shape, depth, childOf);
    const maxLength = feasibleLength(items, shape, Math.min(shape.maxItems, minLength + spread));
    if (maxLength < minLength) throw new Unsatisfiable(`no item can stand at position ${maxLength}, but ${minLength} items are needed`);
    let arbitrary = shape.unique && shape.prefixLength === 0 && needed === 0
      ? uniformUnique(items, minLength, maxLength)
      : positional(shape, items, minLength, maxLength);
    if (shape.unique) arbitrary = boundedFilter(arbitrary, allDistinct, "uniqueItems", ctx.options.filterBudget);
    const exact = shape.inexact.length === 0 && shape.contains.every((c) => c.max === Infinity) && shape.contains.length <= 1;
    return { arbitrary: arbitrary as Arbitrary<Json>, exact };
  },
};

/** Item arbitraries by position; positions past the prefix share one. */
class ItemArbitraries {
  private readonly built = new Map<string, Arbitrary<Json> | null>();
  constructor(
    private readonly shape: ArrayShape,
    private readonly depth: number,
    private readonly childOf: ChildArbitrary,
  ) {}

  /** The arbitrary at `index`, with extra schemas to satisfy (contains); null when none is possible. */
  at(index: number, extra: ArrayShape["contains"] = []): Arbitrary<Json> | null {
    const slot = Math.min(index, this.shape.prefixLength);
    const key = `${slot}|${extra.map((c) => c.schema.pointer).join(",")}`;
    if (this.built.has(key)) return this.built.get(key)!;
    const schemas = this.shape.childFor(slot);
    let arb: Arbitrary<Json> | null = null;
    if (schemas !== "forbidden") {
      try {
        arb = this.childOf({ roots: [...schemas, ...extra.map((c) => c.schema)], nots: [], decided: [] }, this.depth + 1);
      } catch (e) {
        if (!(e instanceof Unsatisfiable)) throw e;
      }
    }
    this.built.set(key, arb);
    return arb;
  }
}

function uniformUnique(items: ItemArbitraries, minLength: number, maxLength: number): Arbitrary<Json[]> {
  const item = items.at(0);
  if (!item) return emptyOnly(minLength);
  return fc.uniqueArray(item, { minLength, maxLength, selector: canonicalJson });
}

/** Length first, then one arbitrary per position; contains items fill the last positions. */
function positional(shape: ArrayShape, items: ItemArbitraries, minLength: number, maxLength: number): Arbitrary<Json[]> {
  const needed = shape.contains.flatMap((c) => Array.from({ length: c.min }, () => c));
  const lengths = fc.oneof({ arbitrary: fc.integer({ min: minLength, max: maxLength }), weight: 3 }, { arbitrary: fc.constantFrom(minLength, maxLength), weight: 1 });
  return lengths.chain((n) => {
    const slots: Arbitrary<Json>[] = [];
    for (let i = 0; i < n; i++) {
      const rule = i >= n - needed.length ? needed[i - (n - needed.length)] : undefined;
      const arb = items.at(i, rule ? [rule] : []);
      if (!arb) throw new Unsatisfiable(`no item satisfies position ${i} together with contains`);
      slots.push(arb);
    }
    return fc.tuple(...slots) as Arbitrary<Json[]>;
  });
}

/** The longest length up to `cap` whose every position can hold an item (and contains can be met). */
function feasibleLength(items: ItemArbitraries, shape: ArrayShape, cap: number): number {
  for (let i = 0; i < cap; i++) if (!items.at(i)) return i;
  for (const rule of shape.contains) if (rule.min > 0 && !items.at(Math.max(0, cap - 1), [rule])) return -1;
  return cap;
}

function emptyOnly(minLength: number): Arbitrary<Json[]> {
  if (minLength > 0) throw new Unsatisfiable("items are required but no item is possible");
  return fc.constant([]);
}

function allDistinct(arr: Json[]): boolean {
  const seen = new Set(arr.map(canonicalJson));
  return seen.size === arr.length;
}
