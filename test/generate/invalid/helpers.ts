import { expect } from "chai";
import fc from "fast-check";
import { invalidArbitrary, InvalidStats, type InvalidPayload } from "../../../src/generate/invalid/index.js";
import type { Dialect } from "../../../src/schema/dialect.js";
import type { JsonSchema } from "../../../src/schema/json.js";
import { inlineFixture, type Fixture } from "./fixtures.js";
import { othersProblem } from "./alone-check.js";
import { labelProblem } from "./label-check.js";
import { forEachSeed } from "../../helpers/seeds.js";

export const SEEDS = [1, 42, 1337, 2024, 99991];

/**
 * Invalid payloads of an inline schema, `runs` per seed over the fixed seeds and this run's fresh one; every one is
 * asserted invalid under ajv and its label true (the keyword at schemaPath fails alone on
 * the value at instancePath), and it breaks nothing else there (alone-check.ts).
 */
export function invalidPayloads(schema: JsonSchema, dialect: Dialect = "2020-12", runs = 40): InvalidPayload[] {
  const fixture = inlineFixture(schema, dialect);
  const arb = invalidArbitrary(fixture.target, fixture.ctx, new InvalidStats());
  expect(arb, `no invalid payloads for ${JSON.stringify(schema)}`).to.not.equal(undefined);
  const out: InvalidPayload[] = [];
  forEachSeed(SEEDS, (seed) => {
    const drawn = fc.sample(arb!, { numRuns: runs, seed });
    expectAllTrue(fixture, drawn);
    out.push(...drawn);
  });
  return out;
}

/** Every payload invalid under the oracle and its label true. */
export function expectAllTrue(fixture: Fixture, payloads: readonly InvalidPayload[]): void {
  const check = fixture.ctx.oracle.check(fixture.target.uri, fixture.target.dialect);
  const accepted = payloads.filter((p) => check(p.instance));
  expect(accepted.slice(0, 3), `ajv accepts payloads of ${fixture.name}`).to.deep.equal([]);
  const wrong = payloads.map((p) => [p, labelProblem(fixture.target, p)] as const).filter(([, problem]) => problem !== undefined);
  expect(wrong.slice(0, 3).map(([p, problem]) => `${JSON.stringify(p)}: ${problem}`), `labels of ${fixture.name}`).to.deep.equal([]);
  const more = payloads.map((p) => [p, othersProblem(fixture.target, p)] as const).filter(([, problem]) => problem !== undefined);
  expect(more.slice(0, 3).map(([p, problem]) => `${JSON.stringify(p.label)}: ${problem}`), `payloads of ${fixture.name} that break more than their keyword`).to.deep.equal([]);
}

export function withKeyword(payloads: readonly InvalidPayload[], keyword: string): InvalidPayload[] {
  return payloads.filter((p) => p.label.keyword === keyword);
}

export function atPath(payloads: readonly InvalidPayload[], schemaPath: string): InvalidPayload[] {
  return payloads.filter((p) => p.label.schemaPath === schemaPath);
}
