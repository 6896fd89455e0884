import { randomInt } from "node:crypto";

/**
 * Property tests run on their fixed seeds plus one fresh seed per run, so the suite can still
 * find a generator bug no fixed seed reaches. The fresh seed is CONFORM_TEST_SEED when set
 * (to replay a failure), else random; a failure on it names it and how to replay it.
 */
export const FRESH_SEED: number = freshSeed(process.env.CONFORM_TEST_SEED);
// test/support/reporter.cjs prints it under the totals.
(globalThis as Record<symbol, unknown>)[Symbol.for("schema-conform.fresh-seed")] = FRESH_SEED;

/** The seed of this run: the replay variable when it holds an integer, else a random 31-bit one. */
export function freshSeed(replay: string | undefined): number {
  if (replay !== undefined && replay.trim() !== "") {
    const n = Number(replay);
    if (!Number.isSafeInteger(n)) throw new Error(`CONFORM_TEST_SEED must be an integer, not ${JSON.stringify(replay)}`);
    return n;
  }
  return randomInt(1, 2 ** 31 - 1);
}

/** The fixed seeds, then this run's fresh seed (unless it is one of them). */
export function testSeeds(fixed: readonly number[]): number[] {
  return fixed.includes(FRESH_SEED) ? [...fixed] : [...fixed, FRESH_SEED];
}

/** How a failure on `seed` names it: the fresh seed with the command that replays it. */
export function seedNote(seed: number): string {
  return seed === FRESH_SEED ? `fresh seed ${seed} (replay: CONFORM_TEST_SEED=${seed} npm test)` : `seed ${seed}`;
}

/** Runs `body` for one seed; a failure's message is prefixed with the seed (see seedNote). Sync or async. */
export function withSeed<T>(seed: number, body: () => T): T {
  try {
    const out = body();
    if (out instanceof Promise) return out.catch((e: unknown) => Promise.reject(named(e, seed))) as T;
    return out;
  } catch (e) {
    throw named(e, seed);
  }
}

/** Runs `body` once per seed of testSeeds(fixed), in order; the first failure names its seed. */
export function forEachSeed(fixed: readonly number[], body: (seed: number) => void): void {
  for (const seed of testSeeds(fixed)) withSeed(seed, () => body(seed));
}

/** The async form of forEachSeed. */
export async function forEachSeedAsync(fixed: readonly number[], body: (seed: number) => Promise<void>): Promise<void> {
  for (const seed of testSeeds(fixed)) await withSeed(seed, () => body(seed));
}

function named(e: unknown, seed: number): unknown {
  if (!(e instanceof Error)) return new Error(`${seedNote(seed)}: ${String(e)}`);
  if (!e.message.startsWith(seedNote(seed))) e.message = `${seedNote(seed)}: ${e.message}`;
  return e;
}
