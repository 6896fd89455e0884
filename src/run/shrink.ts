import fc from "fast-check";
import type { Payload, PayloadStream } from "./payload.js";

export interface Shrunk {
  payload: Payload;
  /** fast-check replay path of the shrunk payload. */
  path: string;
}

/**
 * Shrinks payload `index` of a stream with fast-check while `stillDisagrees` holds,
 * replaying the stream's seed at that path. Returns null when the disagreement does not
 * reproduce (a flaky validator): then the caller keeps the original payload.
 */
export async function shrinkDisagreement(
  stream: PayloadStream,
  index: number,
  stillDisagrees: (p: Payload) => Promise<boolean>,
  timeLimitMs: number,
): Promise<Shrunk | null> {
  const property = fc.asyncProperty(stream.arbitrary, async (p) => !(await stillDisagrees(p)));
  const result = await fc.check(property, {
    seed: stream.seed,
    path: String(index),
    numRuns: 1,
    interruptAfterTimeLimit: timeLimitMs,
    markInterruptAsFailure: false,
  });
  if (!result.failed || result.counterexample === null) return null;
  return { payload: result.counterexample[0], path: result.counterexamplePath ?? String(index) };
}
