import fc, { type Arbitrary } from "fast-check";
import type { Json } from "../../../schema/json.js";
import { GenerationStuck } from "../bounded-filter.js";

type Random = Parameters<Arbitrary<Json>["generate"]>[0];
type Value<T> = ReturnType<Arbitrary<T>["generate"]>;

/** Drawn keys of an object and their values, in drawing order. */
export type Entries = Array<[string, Json]>;

interface EntriesContext {
  contexts: unknown[];
}

/**
 * min..max entries with distinct drawn keys, each value from the arbitrary its key calls for.
 * Built in one pass (a uniqueArray of keys chained into a record per draw built a new
 * arbitrary for every object). Fewer than `min` distinct keys after a bounded number of draws
 * throws GenerationStuck. Shrinks drop entries down to `min` and shrink values.
 */
export class ExtraEntriesArbitrary extends fc.Arbitrary<Entries> {
  constructor(
    private readonly keySource: Arbitrary<string>,
    private readonly valueFor: (key: string) => Arbitrary<Json>,
    private readonly min: number,
    private readonly max: number,
    /** Keys already in the object, which drawn keys must avoid. */
    private readonly taken: ReadonlySet<string> = new Set(),
  ) {
    super();
  }

  generate(mrng: Random, biasFactor: number | undefined): Value<Entries> {
    const target = mrng.nextInt(this.min, this.max);
    const entries: Entries = [];
    const contexts: unknown[] = [];
    const seen = new Set<string>();
    for (let draws = 0; entries.length < target && draws < 10 * target + 20; draws++) {
      const key = this.keySource.generate(mrng, biasFactor).value;
      if (seen.has(key) || this.taken.has(key)) continue;
      seen.add(key);
      const v = this.valueFor(key).generate(mrng, biasFactor);
      entries.push([key, v.value]);
      contexts.push(v.context);
    }
    if (entries.length < this.min) throw new GenerationStuck(`property names (${entries.length} distinct found, ${this.min} needed)`);
    return new fc.Value(entries, { contexts } satisfies EntriesContext);
  }

  canShrinkWithoutContext(_value: unknown): _value is Entries {
    return false;
  }

  shrink(value: Entries, context: unknown): fc.Stream<Value<Entries>> {
    const contexts = (context as EntriesContext | undefined)?.contexts ?? [];
    const drops = fc.Stream.of(...value.map((_, i) => i))
      .filter(() => value.length > this.min)
      .map((i) => new fc.Value(value.filter((_, j) => j !== i), { contexts: contexts.filter((_, j) => j !== i) }));
    const inner = value.map(([key, v], i) => {
      let it: Iterator<Value<Entries>> | undefined;
      const make = () =>
        this.valueFor(key)
          .shrink(v, contexts[i])
          .map((s) => {
            const next: Entries = value.map((e, j) => (j === i ? [key, s.value] : e));
            const nextContexts = contexts.map((c, j) => (j === i ? s.context : c));
            return new fc.Value(next, { contexts: nextContexts });
          })
          [Symbol.iterator]();
      const iterator: IterableIterator<Value<Entries>> = { next: () => (it ??= make()).next(), [Symbol.iterator]: () => iterator };
      return iterator;
    });
    return drops.join(...inner);
  }
}
