import fc, { type Arbitrary } from "fast-check";
import { arrayShape, type ArrayShape, type ContainsRule } from "../../../canonical/array-shape.js";
import { valueKey } from "./probe-value.js";
import { keywordSites, NothingFound, Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import { boundedFilter, GenerationStuck } from "../bounded-filter.js";
import type { GenContext } from "../context.js";
import type { TypeGenerator } from "../type-generator.js";
import { chooseWeighted } from "../choice.js";
import { ItemArbitraries } from "./array-items.js";
import { DistinctArrayArbitrary } from "./distinct-array.js";

/**
 * Arrays: a length within the bounds (the bounds themselves drawn often), each position from
 * its own schemas, the items `contains` needs placed last (and, under maxContains, every other
 * item built to miss it), uniqueness by construction where every position shares one schema,
 * else by an exact local check.
 */
export const arrayGenerator: TypeGenerator = {
  type: "array",
  build(canon, ctx, depth, childOf) {
    const shape = arrayShape(canon.members, ctx.registry, canon.parents);
    const rules = shape.contains.filter((c) => c.min > 0 || c.max < Infinity);
    if (rules.some((c) => c.min > c.max)) throw new Unsatisfiable(`minContains > maxContains (${keywordSites(canon.members, "minContains", "maxContains")})`);
    const needed = rules.reduce((n, c) => n + c.min, 0);
    const minLength = Math.max(shape.minItems, needed);
    if (minLength > shape.maxItems) throw new Unsatisfiable(`needs ${minLength} items but maxItems is ${shape.maxItems} (${keywordSites(canon.members, "minItems", "minContains", "maxItems")})`);
    if (minLength > ctx.options.maxForcedSize) throw new GenerationStuck(`arrays of at least ${minLength} items`);
    const items = new ItemArbitraries(shape, depth, childOf);
    const spread = ctx.minimal(depth) ? 0 : ctx.options.arraySpread;
    const maxLength = feasibleLength(items, shape, Math.min(shape.maxItems, minLength + spread));
    if (maxLength < minLength) throw new Unsatisfiable(`no item can stand at position ${maxLength}, but ${minLength} items are needed (${keywordSites(canon.members, "minItems", "contains", "minContains")})`, items.failuresProven);
    const uniform = shape.prefixLength === 0 && rules.length === 0;
    const longest = spread > 0 && shape.maxItems - minLength <= LONGEST_DRAWN ? feasibleLength(items, shape, shape.maxItems) : maxLength;
    let arbitrary: Arbitrary<Json[]>;
    const shortest = filledLength(minLength, maxLength, shape.unique ? undefined : ctx.options.fill);
    if (uniform) arbitrary = uniformArray(items, shape, shortest, maxLength, Math.max(longest, maxLength));
    else if (rules.length === 1) arbitrary = withContains(items, rules[0]!, shortest, maxLength, ctx);
    else arbitrary = positional(items, rules, shortest, maxLength, ctx);
    if (shape.unique && !uniform) arbitrary = boundedFilter(arbitrary, allDistinct, "uniqueItems", ctx.options.filterBudget, ctx);
    const exact = rules.length <= 1 || rules.every((c) => c.max === Infinity);
    return { arbitrary: arbitrary as Arbitrary<Json>, exact };
  },
};

/** The shortest length drawn: minItems, or with a fill (the bias knob) that share of the way to the longest. */
function filledLength(minLength: number, maxLength: number, fill: number | undefined): number {
  return fill === undefined ? minLength : minLength + Math.round(fill * (maxLength - minLength));
}

/** maxItems itself is drawn now and then when it is at most this far above minItems. */
const LONGEST_DRAWN = 32;

/**
 * Every position shares one schema: fc.array (or distinct items) up to a short length, and now
 * and then exactly the longest length allowed (maxItems, when it is near).
 */
function uniformArray(items: ItemArbitraries, shape: ArrayShape, minLength: number, maxLength: number, longest: number): Arbitrary<Json[]> {
  const item = items.at(0);
  if (!item) return emptyOnly(minLength, items.failuresProven);
  if (shape.unique && minLength >= 2) requireDistinctItems(item, minLength);
  const any = shape.unique ? new DistinctArrayArbitrary(item, minLength, maxLength) : fc.array(item, { minLength, maxLength });
  if (longest === minLength) return any;
  const longestOnly = shape.unique ? new DistinctArrayArbitrary(item, minLength, longest, true) : fc.array(item, { minLength: longest, maxLength: longest });
  return chooseWeighted([{ arbitrary: any, weight: 5 }, { arbitrary: longestOnly, weight: 1 }]);
}

/**
 * One contains rule: n items, of which the last c match it (minContains ≤ c ≤ maxContains);
 * under a finite maxContains the others are built to miss it (a position where no item can
 * miss it takes a matching one, and the draw is dropped if that overshoots maxContains).
 */
function withContains(items: ItemArbitraries, rule: ContainsRule, minLength: number, maxLength: number, ctx: GenContext): Arbitrary<Json[]> {
  const bounded = rule.max < Infinity;
  const plans = fc.integer({ min: minLength, max: maxLength }).chain((n) => fc.integer({ min: rule.min, max: Math.min(rule.max, n) }).map((c) => ({ n, c })));
  const arrays = plans.chain(({ n, c }) => {
    const slots: Arbitrary<Json>[] = [];
    let matches = 0;
    for (let i = 0; i < n; i++) {
      let arb = i >= n - c ? items.at(i, [rule]) : bounded ? items.at(i, [], [rule]) : items.at(i);
      if (i >= n - c || (bounded && !arb)) matches++;
      if (!arb && bounded && i < n - c) arb = items.at(i, [rule]);
      if (!arb || matches > rule.max) return fc.constant(null);
      slots.push(arb);
    }
    return fc.tuple(...slots);
  });
  return boundedFilter(arrays, (a): a is Json[] => a !== null, "contains with maxContains", ctx.options.filterBudget, ctx) as Arbitrary<Json[]>;
}

/** Several contains rules: each needed match at its own position, last; others free. */
function positional(items: ItemArbitraries, rules: ContainsRule[], minLength: number, maxLength: number, ctx: GenContext): Arbitrary<Json[]> {
  const needed = rules.flatMap((c) => Array.from({ length: c.min }, () => c));
  const lengths = chooseWeighted([{ arbitrary: fc.integer({ min: minLength, max: maxLength }), weight: 3 }, { arbitrary: fc.constantFrom(minLength, maxLength), weight: 1 }]);
  const arrays = lengths.chain((n) => {
    const slots: Arbitrary<Json>[] = [];
    for (let i = 0; i < n; i++) {
      const rule = i >= n - needed.length ? needed[i - (n - needed.length)] : undefined;
      const arb = items.at(i, rule ? [rule] : []);
      if (!arb) return fc.constant(null);
      slots.push(arb);
    }
    return fc.tuple(...slots);
  });
  return boundedFilter(arrays, (a): a is Json[] => a !== null, "items with contains", ctx.options.filterBudget, ctx) as Arbitrary<Json[]>;
}

/** The longest length up to `cap` whose every position can hold an item (and contains can be met). */
function feasibleLength(items: ItemArbitraries, shape: ArrayShape, cap: number): number {
  const distinct = Math.min(cap, shape.prefixLength + 1);
  for (let i = 0; i < distinct; i++) if (!items.at(i)) return i;
  for (const rule of shape.contains) if (rule.min > 0 && !items.at(Math.max(0, cap - 1), [rule])) return -1;
  return cap;
}

/**
 * uniqueItems with minItems n needs n distinct items; an item arbitrary built at the depth cap
 * (first branch only, scalars first) may have fewer values. Found by a fixed-seed sample at build
 * time, as NothingFound, so a choice above takes another branch instead of every draw giving up.
 */
function requireDistinctItems(item: Arbitrary<Json>, needed: number): void {
  let values: Json[];
  try {
    values = fc.sample(item, { numRuns: Math.max(60, 4 * needed), seed: 1 });
  } catch {
    return; // the item's own failure shows when drawn
  }
  const distinct = new Set(values.map(valueKey)).size;
  if (distinct < needed) throw new NothingFound(`uniqueItems with ${needed} items: a sample of the item schema held only ${distinct} distinct values`);
}

function emptyOnly(minLength: number, proven: boolean): Arbitrary<Json[]> {
  if (minLength > 0) throw new Unsatisfiable("items are required but no item is possible", proven);
  return fc.constant([]);
}

function allDistinct(arr: Json[]): boolean {
  if (arr.length < 2) return true;
  const seen = new Set(arr.map(valueKey));
  return seen.size === arr.length;
}
