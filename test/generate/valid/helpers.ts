import { expect } from "chai";
import fc from "fast-check";
import { GenContext, validArbitrary } from "../../../src/generate/valid/index.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import type { Dialect } from "../../../src/schema/dialect.js";
import type { Json, JsonSchema } from "../../../src/schema/json.js";
import type { Target } from "../../../src/schema/target.js";
import { targetOf, type DocumentSpec } from "../../adapters/targets.js";
import { forEachSeed } from "../../helpers/seeds.js";

export const SEEDS = [1, 42, 1337, 2024, 99991];

/** A schema as a target of its own (plus documents it may refer to). */
export function target(schema: JsonSchema, dialect: Dialect = "2020-12", others: DocumentSpec[] = []): Target {
  return targetOf(dialect, [{ uri: "https://example.com/root.json", schema }, ...others]);
}

/** `runs` payloads per seed, over the fixed seeds and this run's fresh one, each one checked by ajv. */
export function validPayloads(schema: JsonSchema, dialect: Dialect = "2020-12", runs = 100, others: DocumentSpec[] = []): Json[] {
  const t = target(schema, dialect, others);
  const oracle = new Oracle(t.registry);
  const ctx = new GenContext(t.registry, oracle);
  const check = oracle.check(t.uri, t.dialect);
  const out: Json[] = [];
  forEachSeed(SEEDS, (seed) => {
    const payloads = fc.sample(validArbitrary(t, ctx), { numRuns: runs, seed });
    const rejected = payloads.filter((p) => !check(p));
    expect(rejected.slice(0, 3), `payloads ajv rejects for ${JSON.stringify(schema)}`).to.deep.equal([]);
    out.push(...payloads);
  });
  return out;
}

/** The payloads of one seed only (what a 100-payload run sees). */
export function firstHundred(schema: JsonSchema, dialect: Dialect = "2020-12", seed = 7, count = 100): Json[] {
  const t = target(schema, dialect);
  return fc.sample(validArbitrary(t, new GenContext(t.registry, new Oracle(t.registry))), { numRuns: count, seed });
}

/** Building the target's arbitrary throws (Unsatisfiable). */
export function buildError(schema: JsonSchema, dialect: Dialect = "2020-12"): Error | undefined {
  const t = target(schema, dialect);
  try {
    validArbitrary(t, new GenContext(t.registry, new Oracle(t.registry)));
    return undefined;
  } catch (e) {
    return e as Error;
  }
}
