/**
 * Stack size of the threads that walk schemas and instances recursively (the CLI's worker,
 * the in-process adapters' workers), MB. V8's default (under 1 MB) overflowed on schemas
 * about 700 levels deep and on $ref rings of 500 definitions; 8 MB holds a ring of 1,000 and
 * the 4,000 JSON levels schemas may nest (schema/read-json.ts). Bigger is not free: ajv
 * recurses on some `$ref` loops until the stack overflows (the 2020-12 suite's "refs with
 * relative uris and defs"), and every GC during that descent scans the whole stack, so its
 * cost grows with the square of the size: `conform suite --dialect 2020-12` took 3.4 s at
 * 4 MB, 3.9 s at 8 MB, 6.5 s at 16 MB, 13.8 s at 32 MB and more than 10 minutes at 1 GB.
 * The oracle remembers a check that ran out of stack and answers at once after it.
 */
export const DEFAULT_STACK_MB = 8;

/** DEFAULT_STACK_MB, or CONFORM_STACK_MB when it is a whole number of MB ≥ 1. */
export function stackSizeMb(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.CONFORM_STACK_MB);
  return Number.isInteger(given) && given >= 1 ? given : DEFAULT_STACK_MB;
}
