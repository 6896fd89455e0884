import fc, { type Arbitrary } from "fast-check";
import { valueKey } from "./probe-value.js";
import type { Json } from "../../../schema/json.js";
import { GenerationStuck } from "../bounded-filter.js";

type Random = Parameters<Arbitrary<Json>["generate"]>[0];
type Value<T> = ReturnType<Arbitrary<T>["generate"]>;

/**
 * Arrays of pairwise distinct items (JSON equality: key order ignored), min..max long. Draws
 * a length, then items until that many distinct ones are found or a bounded number of draws
 * is spent; fewer than `min` distinct items throws GenerationStuck. (fast-check's uniqueArray
 * loops forever when its items have fewer distinct values than its minLength.) Shrinks drop
 * items down to `min` and shrink items while they stay distinct from the others.
 */
export class DistinctArrayArbitrary extends fc.Arbitrary<Json[]> {
  /** `longest`: aim for `max` items every time (the boundary length), settling for fewer distinct ones. */
  constructor(
    private readonly item: Arbitrary<Json>,
    private readonly min: number,
    private readonly max: number,
    private readonly longest = false,
  ) {
    super();
  }

  generate(mrng: Random, biasFactor: number | undefined): Value<Json[]> {
    const target = this.longest ? this.max : mrng.nextInt(this.min, this.max);
    const values: Json[] = [];
    const contexts: unknown[] = [];
    const seen = new Set<string>();
    for (let draws = 0; values.length < target && draws < 10 * target + 20; draws++) {
      const v = this.item.generate(mrng, biasFactor);
      const key = valueKey(v.value);
      if (seen.has(key)) continue;
      seen.add(key);
      values.push(v.value);
      contexts.push(v.context);
    }
    if (values.length < this.min) throw new GenerationStuck(`uniqueItems (${values.length} distinct items found, ${this.min} needed)`);
    return new fc.Value(values, contexts);
  }

  canShrinkWithoutContext(_value: unknown): _value is Json[] {
    return false;
  }

  shrink(value: Json[], context: unknown): fc.Stream<Value<Json[]>> {
    const contexts = (context as unknown[] | undefined) ?? [];
    const drops = fc.Stream.of(...value.map((_, i) => i))
      .filter(() => value.length > this.min)
      .map((i) => new fc.Value(value.filter((_, j) => j !== i), contexts.filter((_, j) => j !== i)));
    const inner = value.map((v, i) => this.shrinkItem(value, contexts, i, v));
    return drops.join(...inner);
  }

  private shrinkItem(value: Json[], contexts: unknown[], index: number, v: Json): IterableIterator<Value<Json[]>> {
    let it: Iterator<Value<Json[]>> | undefined;
    const others = () => new Set(value.filter((_, j) => j !== index).map(valueKey));
    const make = () =>
      this.item
        .shrink(v, contexts[index])
        .filter((s) => !others().has(valueKey(s.value)))
        .map((s) => {
          const next = [...value];
          next[index] = s.value;
          const nextContexts = [...contexts];
          nextContexts[index] = s.context;
          return new fc.Value(next, nextContexts);
        })
        [Symbol.iterator]();
    const iterator: IterableIterator<Value<Json[]>> = { next: () => (it ??= make()).next(), [Symbol.iterator]: () => iterator };
    return iterator;
  }
}
