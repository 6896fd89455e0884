import { expect } from "chai";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { computeCoverage } from "../../src/coverage/index.js";
import { invalidArbitrary, InvalidStats, type InvalidPayload } from "../../src/generate/invalid/index.js";
import { validArbitrary } from "../../src/generate/valid/index.js";
import { createAjv } from "../../src/oracle/ajv-factory.js";
import type { Coverage } from "../../src/model/coverage.js";
import type { Json, JsonSchema } from "../../src/schema/json.js";
import { codexFixtures, inlineFixture, type Fixture } from "../generate/invalid/fixtures.js";
import { needsShared, SHARED_CODEX } from "../helpers/paths.js";
import { forEachSeed } from "../helpers/seeds.js";

const SEEDS = [3, 41, 2718];

function payloads(f: Fixture, seed: number, runs = 60): { valid: Json[]; invalid: InvalidPayload[] } {
  const arb = invalidArbitrary(f.target, f.ctx, new InvalidStats());
  return {
    valid: fc.sample(validArbitrary(f.target, f.ctx), { numRuns: runs, seed }),
    invalid: arb ? fc.sample(arb, { numRuns: runs, seed }) : [],
  };
}

function coverageOf(schema: JsonSchema, seed: number, runs = 60): Coverage {
  const f = inlineFixture(schema);
  const { valid, invalid } = payloads(f, seed, runs);
  return computeCoverage(f.target, f.ctx, valid, invalid);
}

/** The report schema's definition of coverage (schema/report.schema.json is a contract). */
function coverageValidator(): (c: Coverage) => boolean {
  const schema = JSON.parse(readFileSync(new URL("../../../schema/report.schema.json", import.meta.url), "utf8")) as { $id: string };
  const ajv = createAjv("2020-12", "assert");
  ajv.addSchema(schema);
  const validate = ajv.getSchema(`${schema.$id}#/$defs/coverage`)!;
  return (c) => validate(c) as boolean;
}

/** Invariants of any coverage: broken and never-broken split the keywords; the ratio is their covered share. */
function expectConsistent(c: Coverage): void {
  const all = [...c.broken, ...c.neverBroken.map((n) => n.schemaPath)];
  expect(new Set(all).size).to.equal(all.length);
  const covered = new Set([...c.exercised, ...c.broken]);
  expect([...covered].every((p) => all.includes(p))).to.equal(true);
  expect(c.ratio).to.be.closeTo(all.length === 0 ? 1 : covered.size / all.length, 1e-12);
  for (const b of c.branches) expect(b.hit).to.be.at.most(b.total);
}

const ORDER = {
  type: "object",
  properties: { kind: { enum: ["a", "b", "c"] }, n: { type: "integer", minimum: 0 }, tag: { type: "string", maxLength: 8 } },
  required: ["kind"],
  anyOf: [{ required: ["n"] }, { required: ["tag"] }],
} as const;

describe("schema coverage", function () {
  this.timeout(120_000);

  it("keywords exercised and broken, anyOf branches and enum values hit, optional properties both ways", function () {
    forEachSeed(SEEDS, (seed) => {
      const c = coverageOf(ORDER as unknown as JsonSchema, seed);
      expectConsistent(c);
      expect(c.exercised).to.include.members(["/type", "/required", "/anyOf", "/properties/kind/enum", "/properties/n/minimum", "/anyOf/0/required"]);
      expect(c.broken).to.include.members(["/type", "/required", "/properties/kind/enum", "/properties/n/minimum", "/properties/tag/maxLength", "/anyOf"]);
      expect(c.branches).to.deep.include({ schemaPath: "/anyOf", hit: 2, total: 2 });
      expect(c.branches).to.deep.include({ schemaPath: "/properties/kind/enum", hit: 3, total: 3 });
      expect(c.optionalProperties).to.deep.include({ schemaPath: "/properties/n", present: true, absent: true });
      expect(c.optionalProperties.map((o) => o.schemaPath)).to.not.include("/properties/kind");
      expect(c.ratio).to.equal(1);
    });
  });

  it("a keyword reached through $ref from two places is one statement, named by its shortest evaluation path", function () {
    const schema = { $defs: { pos: { type: "integer", minimum: 1 } }, type: "object", properties: { a: { $ref: "#/$defs/pos" }, b: { $ref: "#/$defs/pos" } }, required: ["a", "b"] };
    const c = coverageOf(schema, 5);
    expectConsistent(c);
    const all = [...c.broken, ...c.neverBroken.map((n) => n.schemaPath)];
    expect(all.filter((p) => p.endsWith("/minimum"))).to.deep.equal(["/properties/a/$ref/minimum"]);
    expect(c.broken).to.include("/properties/a/$ref/minimum");
  });

  it("if outcomes are branches; keywords inside if and not are exercised but never broken, with the reason", function () {
    const c = coverageOf({ type: "integer", if: { minimum: 0 }, then: { multipleOf: 2 }, else: { multipleOf: 3 }, not: { const: 4 } }, 9);
    expectConsistent(c);
    expect(c.branches).to.deep.include({ schemaPath: "/if", hit: 2, total: 2 });
    expect(c.exercised).to.include.members(["/if/minimum", "/not/const", "/then/multipleOf", "/else/multipleOf"]);
    expect(c.broken).to.include.members(["/then", "/else", "/not"]);
    const reasons = new Map(c.neverBroken.map((n) => [n.schemaPath, n.reason]));
    expect(reasons.get("/if/minimum")).to.match(/inside if/);
    expect(reasons.get("/not/const")).to.match(/inside not/);
  });

  it("without payloads nothing is covered and every keyword says why it was never broken", function () {
    const f = inlineFixture(ORDER as unknown as JsonSchema);
    const c = computeCoverage(f.target, f.ctx, [], []);
    expectConsistent(c);
    expect(c.exercised).to.deep.equal([]);
    expect(c.broken).to.deep.equal([]);
    expect(c.ratio).to.equal(0);
    expect(c.neverBroken.every((n) => /no valid payload reached it/.test(n.reason))).to.equal(true);
    expect(c.optionalProperties).to.deep.include({ schemaPath: "/properties/tag", present: false, absent: false });
  });

  it("Codex bundle definitions: coverage fits the report schema, is consistent, and is high", function () {
    needsShared(this, SHARED_CODEX);
    const fits = coverageValidator();
    const fixtures = codexFixtures().filter((_, i) => i % 4 === 0);
    let total = 0;
    for (const [i, f] of fixtures.entries()) {
      const { valid, invalid } = payloads(f, SEEDS[i % SEEDS.length]!, 30);
      const c = computeCoverage(f.target, f.ctx, valid, invalid);
      expect(fits(c), `${f.name}: ${JSON.stringify(c).slice(0, 300)}`).to.equal(true);
      expectConsistent(c);
      total += c.ratio;
    }
    expect(total / fixtures.length).to.be.at.least(0.8);
  });
});
