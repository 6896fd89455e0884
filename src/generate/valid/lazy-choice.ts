import fc, { type Arbitrary } from "fast-check";
import { briefly, everyPartFailed, Unsatisfiable } from "../../canonical/unsatisfiable.js";
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

  /**
   * A branch whose draw fails (every choice below it turned out unsatisfiable) is set aside
   * like one that failed to build, and the draw goes on with the next branch: choices made
   * independently at each level (a chain of if/then) otherwise ran into dead ends.
   */
  generate(mrng: Random, biasFactor: number | undefined): Value {
    const start = mrng.nextInt(0, this.branches.length - 1);
    for (let step = 0; step < this.branches.length; step++) {
      const index = (start + step) % this.branches.length;
      const arb = this.branch(index);
      if (arb instanceof Unsatisfiable) continue;
      try {
        const v = arb.generate(mrng, biasFactor);
        return new fc.Value(v.value, { index, inner: v.context } satisfies ChoiceContext);
      } catch (e) {
        if (!(e instanceof Unsatisfiable)) throw e;
        this.built[index] = e;
      }
    }
    const failures = this.built.filter((b): b is Unsatisfiable => b instanceof Unsatisfiable);
    throw everyPartFailed(`no branch of ${this.what} can be satisfied: ${briefly(failures)}`, failures);
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
