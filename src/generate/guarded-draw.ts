import fc, { type Arbitrary } from "fast-check";
import { insideTimeLimit, OutOfTime, withinTimeLimit } from "../oracle/guard.js";

type Random = Parameters<Arbitrary<unknown>["generate"]>[0];

/** What generation needs of its context here: the per-target limit, and a reset after a stopped build. */
interface DrawContext {
  readonly options: { readonly targetTimeLimitMs: number };
  recoverFromInterruption(): void;
}

/** Runs a build (an arbitrary's construction probes filters) under one guard when nothing guards it yet, as GuardedDraw does for a draw. */
export function guardedBuild<T>(ctx: DrawContext, build: () => T): T {
  if (insideTimeLimit()) return build();
  try {
    return withinTimeLimit("building a target's generator", hardLimitMs(ctx), build);
  } catch (e) {
    if (e instanceof OutOfTime) ctx.recoverFromInterruption();
    throw e;
  }
}

/** The run's hard limit of a synchronous stage of one target: the generators' cooperative limit plus a margin. */
function hardLimitMs(ctx: DrawContext): number {
  return Math.round(ctx.options.targetTimeLimitMs * 1.5) + 1_000;
}

/**
 * Each draw under one guard when nothing guards it yet (`conform sample`, tests, benches), with
 * the run's per-target hard limit: the oracle's checks inside then start no watchdog each (a
 * watchdog per filter call made invalid generation several times slower). Inside a guarded
 * stage (the run's drawing) it adds nothing. Shrinking is left as it is: its checks are limited
 * one by one.
 */
export class GuardedDraw<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly inner: Arbitrary<T>,
    private readonly ctx: DrawContext,
  ) {
    super();
  }

  generate(mrng: Random, biasFactor: number | undefined): fc.Value<T> {
    if (insideTimeLimit()) return this.inner.generate(mrng, biasFactor);
    try {
      return withinTimeLimit("drawing a payload", hardLimitMs(this.ctx), () => this.inner.generate(mrng, biasFactor));
    } catch (e) {
      if (e instanceof OutOfTime) this.ctx.recoverFromInterruption(); // a terminated build ran no `finally`
      throw e;
    }
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.inner.shrink(value, context);
  }
}
