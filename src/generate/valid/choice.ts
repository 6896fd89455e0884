import fc, { type Arbitrary } from "fast-check";
import type { Json } from "../../schema/json.js";

type Random = Parameters<Arbitrary<Json>["generate"]>[0];
type Value<T> = ReturnType<Arbitrary<T>["generate"]>;

interface ChoiceContext {
  index: number;
  inner: unknown;
}

/**
 * A weighted choice among arbitraries, drawn with one random number. fast-check's oneof does
 * the same with depth bookkeeping on every draw, which showed up as the largest cost of drawing
 * (choices sit under every type alternative, union branch and character). Shrinks stay within
 * the chosen arbitrary, so they stay valid.
 */
export class ChoiceArbitrary<T> extends fc.Arbitrary<T> {
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(
    private readonly arbs: Arbitrary<T>[],
    weights?: number[],
  ) {
    super();
    let sum = 0;
    this.cumulative = arbs.map((_, i) => (sum += weights?.[i] ?? 1));
    this.total = sum;
  }

  generate(mrng: Random, biasFactor: number | undefined): Value<T> {
    const r = mrng.nextInt(0, this.total - 1);
    let index = 0;
    while (r >= this.cumulative[index]!) index++;
    const v = this.arbs[index]!.generate(mrng, biasFactor);
    return new fc.Value(v.value, { index, inner: v.context } satisfies ChoiceContext);
  }

  canShrinkWithoutContext(_value: unknown): _value is T {
    return false;
  }

  shrink(value: T, context: unknown): fc.Stream<Value<T>> {
    const c = context as ChoiceContext | undefined;
    if (!c) return fc.Stream.nil();
    return this.arbs[c.index]!.shrink(value, c.inner).map((v) => new fc.Value(v.value, { index: c.index, inner: v.context } satisfies ChoiceContext));
  }
}

/** One arbitrary as is, several as a uniform choice. */
export function choose<T>(arbs: Arbitrary<T>[]): Arbitrary<T> {
  return arbs.length === 1 ? arbs[0]! : new ChoiceArbitrary(arbs);
}

/** A weighted choice. */
export function chooseWeighted<T>(parts: Array<{ arbitrary: Arbitrary<T>; weight: number }>): Arbitrary<T> {
  return parts.length === 1 ? parts[0]!.arbitrary : new ChoiceArbitrary(parts.map((p) => p.arbitrary), parts.map((p) => p.weight));
}
