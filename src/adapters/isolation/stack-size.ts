/**
 * Stack size of the threads that walk schemas and instances recursively (the CLI's worker,
 * the in-process adapters' workers), MB. V8's default (under 1 MB) overflowed on schemas
 * about 700 levels deep and on $ref rings of 500 definitions; 24 MB walked 10,000 levels and
 * a ring of 1,000. Bigger is not free: ajv recurses on a `$ref` loop until the stack
 * overflows, and every GC during that descent scans the whole stack, so its cost grows with
 * the square of the size (the 2020-12 suite: 4 s at V8's default, 12-17 s at 16-32 MB,
 * more than 10 minutes at 1 GB). The oracle's 2019-09/2020-12 meta-schema validators also
 * recurse until overflow on some generated instances (a crash counted as "invalid"): a target
 * that `$ref`s those meta-schemas took 4.5 s at V8's default and now reaches the per-target
 * time limit (an error); `suite --fuzz 300` of 2020-12 took 17 s, 65 s at 32 MB.
 */
export const DEFAULT_STACK_MB = 32;

/** DEFAULT_STACK_MB, or CONFORM_STACK_MB when it is a whole number of MB ≥ 1. */
export function stackSizeMb(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.CONFORM_STACK_MB);
  return Number.isInteger(given) && given >= 1 ? given : DEFAULT_STACK_MB;
}
