import { Arbitrary, Stream, Value, type Random } from "fast-check";
import { Unsatisfiable } from "../../canonical/unsatisfiable.js";
import { GenerationStuck } from "../valid/bounded-filter.js";

const GAVE_UP = Symbol("gave up");

/** Generation that may give up: a branch found unsatisfiable only at draw time, or a filter out of budget. */
function gaveUp(e: unknown): boolean {
  return e instanceof GenerationStuck || e instanceof Unsatisfiable;
}

/**
 * The inner arbitrary, or null where drawing from it gives up. A mutation whose helper
 * value cannot be drawn is skipped (and counted as no payload), not an error of the run.
 */
export class Guarded<T> extends Arbitrary<T | null> {
  constructor(private readonly inner: Arbitrary<T>) {
    super();
  }

  generate(mrng: Random, biasFactor: number | undefined): Value<T | null> {
    try {
      return this.inner.generate(mrng, biasFactor);
    } catch (e) {
      if (!gaveUp(e)) throw e;
      return new Value<T | null>(null, GAVE_UP);
    }
  }

  canShrinkWithoutContext(value: unknown): value is T | null {
    return false;
  }

  shrink(value: T | null, context: unknown): Stream<Value<T | null>> {
    if (context === GAVE_UP) return Stream.nil();
    const inner = this.inner;
    return new Stream(untilGivingUp(() => inner.shrink(value as T, context)));
  }
}

function* untilGivingUp<T>(make: () => Iterable<Value<T>>): IterableIterator<Value<T | null>> {
  try {
    yield* make();
  } catch (e) {
    if (!gaveUp(e)) throw e;
  }
}

export function guarded<T>(arb: Arbitrary<T>): Arbitrary<T | null> {
  return new Guarded(arb);
}

/** Values boxed, so that a drawn `null` stays apart from a draw that gave up. */
export function guardedBox<T>(arb: Arbitrary<T>): Arbitrary<{ value: T } | null> {
  return new Guarded(arb.map((value) => ({ value })));
}
