import fc, { type Arbitrary } from "fast-check";
import { Unsatisfiable } from "../../canonical/unsatisfiable.js";
import type { Json } from "../../schema/json.js";

type Random = Parameters<Arbitrary<Json>["generate"]>[0];
type Value = ReturnType<Arbitrary<Json>["generate"]>;

interface ChoiceContext {
  index: number;
  inner: unknown;
}

/**
 * A choice among branches whose arbitraries are built only when first drawn, for schemas
 * whose branch combinations are too many to build up front (ten dependentSchemas are 1024
 * combinations). A branch that turns out unsatisfiable hands its draws to the next
 * satisfiable one; the mapping from random draw to branch does not depend on the order in
 * which failures were found, so the same seed gives the same values.
 */
export class LazyChoice extends fc.Arbitrary<Json> {
  private readonly built: Array<Arbitrary<Json> | Unsatisfiable | undefined>;

  constructor(
    private readonly branches: Array<() => Arbitrary<Json>>,
    private readonly what: string,
  ) {
    super();
    this.built = branches.map(() => undefined);
  }

  generate(mrng: Random, biasFactor: number | undefined): Value {
    const start = mrng.nextInt(0, this.branches.length - 1);
    for (let step = 0; step < this.branches.length; step++) {
      const index = (start + step) % this.branches.length;
      const arb = this.branch(index);
      if (arb instanceof Unsatisfiable) continue;
      const v = arb.generate(mrng, biasFactor);
      return new fc.Value(v.value, { index, inner: v.context } satisfies ChoiceContext);
    }
    throw new Unsatisfiable(`no branch of ${this.what} can be satisfied`);
  }

  canShrinkWithoutContext(_value: unknown): _value is Json {
    return false;
  }

  shrink(value: Json, context: unknown): fc.Stream<Value> {
    const c = context as ChoiceContext | undefined;
    if (!c) return fc.Stream.nil();
    const arb = this.branch(c.index) as Arbitrary<Json>;
    return arb.shrink(value, c.inner).map((v) => new fc.Value(v.value, { index: c.index, inner: v.context } satisfies ChoiceContext));
  }

  private branch(index: number): Arbitrary<Json> | Unsatisfiable {
    let arb = this.built[index];
    if (arb === undefined) {
      try {
        arb = this.branches[index]!();
      } catch (e) {
        if (!(e instanceof Unsatisfiable)) throw e;
        arb = e;
      }
      this.built[index] = arb;
    }
    return arb;
  }
}
