import { Arbitrary, Stream, Value, type Random } from "fast-check";

interface Picked {
  index: number;
  inner: unknown;
}

function isPicked(c: unknown): c is Picked {
  return typeof c === "object" && c !== null && "index" in c && "inner" in c;
}

/**
 * The first non-null draw among arbitraries tried in random order (at most `tries` of them).
 * A mutation that finds nothing for this value (null) gives way to another keyword instead
 * of costing the whole draw. Shrinking stays with the arbitrary that produced the value.
 */
export class FirstSome<T> extends Arbitrary<T | null> {
  constructor(
    private readonly arbs: readonly Arbitrary<T | null>[],
    private readonly tries: number,
  ) {
    super();
  }

  generate(mrng: Random, biasFactor: number | undefined): Value<T | null> {
    const order = this.arbs.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = mrng.nextInt(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order.slice(0, this.tries)) {
      const v = this.arbs[index]!.generate(mrng, biasFactor);
      if (v.value_ !== null) return new Value<T | null>(v.value_, { index, inner: v.context } satisfies Picked);
    }
    return new Value<T | null>(null, undefined);
  }

  canShrinkWithoutContext(value: unknown): value is T | null {
    return false;
  }

  shrink(value: T | null, context: unknown): Stream<Value<T | null>> {
    if (!isPicked(context)) return Stream.nil();
    const { index } = context;
    return this.arbs[index]!.shrink(value, context.inner).map((v) => new Value<T | null>(v.value_, { index, inner: v.context } satisfies Picked));
  }
}

/** `arb` drawn up to `tries` times until it gives a non-null value. */
export function retried<T>(arb: Arbitrary<T | null>, tries: number): Arbitrary<T | null> {
  return new FirstSome(Array.from({ length: tries }, () => arb), tries);
}
