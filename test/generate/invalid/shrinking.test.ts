import { expect } from "chai";
import fc from "fast-check";
import { invalidArbitrary, InvalidStats, rawInvalidArbitrary, unbreakableKeywords, type InvalidPayload } from "../../../src/generate/invalid/index.js";
import type { JsonSchema } from "../../../src/schema/json.js";
import { hasShared, SHARED_CODEX } from "../../helpers/paths.js";
import { codexFixtures, inlineFixture, type Fixture } from "./fixtures.js";
import { expectAllTrue, SEEDS } from "./helpers.js";
import { labelProblem } from "./label-check.js";
import { forEachSeed } from "../../helpers/seeds.js";

const SCHEMAS: JsonSchema[] = [
  { type: "object", properties: { a: { type: "array", items: { type: "string", maxLength: 4 } }, b: { enum: ["x", "y"] } }, required: ["a", "b"], additionalProperties: false },
  { type: "array", items: { type: "object", properties: { n: { type: "integer", minimum: 0 } }, required: ["n"] }, minItems: 2, uniqueItems: true },
  { anyOf: [{ type: "string", pattern: "^[a-z]+$" }, { type: "object", properties: { k: { const: 1 } }, required: ["k"] }] },
];

/** Runs a property that fails on big payloads so that fast-check shrinks; returns every payload it saw. */
function shrinkRun(arb: fc.Arbitrary<InvalidPayload>, seed: number): { seen: InvalidPayload[]; counterexample: InvalidPayload | undefined } {
  const seen: InvalidPayload[] = [];
  const result = fc.check(
    fc.property(arb, (p) => {
      seen.push(p);
      return JSON.stringify(p.instance).length < 12;
    }),
    { seed, numRuns: 60 },
  );
  return { seen, counterexample: result.counterexample?.[0] };
}

/** The inline schemas, and three Codex definitions when ../shared has the bundle. */
function fixtures(ctx: Mocha.Context): Fixture[] {
  const inline = SCHEMAS.map((s, i) => ({ ...inlineFixture(s), name: `schema ${i}` }));
  if (!hasShared(ctx, SHARED_CODEX)) return inline;
  const codex = codexFixtures().filter((f) => ["/definitions/Account", "/definitions/ThreadStartParams", "/definitions/TurnStartParams"].includes(f.target.pointer));
  return [...inline, ...codex];
}

describe("invalid payloads: shrinking, determinism, oracle filter", function () {
  this.timeout(120_000);

  it("every payload tried while shrinking is invalid and keeps a true label", function () {
    for (const f of fixtures(this)) {
      forEachSeed(SEEDS.slice(0, 3), (seed) => {
        const { seen, counterexample } = shrinkRun(invalidArbitrary(f.target, f.ctx, new InvalidStats())!, seed);
        expect(counterexample, f.name).to.not.equal(undefined);
        expectAllTrue(f, seen);
      });
    }
  });

  it("shrinking the raw arbitrary re-applies the mutation: labels stay true of every shrunk value", function () {
    for (const f of fixtures(this)) {
      const { seen } = shrinkRun(rawInvalidArbitrary(f.target, f.ctx)!, 17);
      const wrong = seen.filter((p) => labelProblem(f.target, p) !== undefined);
      expect(wrong.slice(0, 2), f.name).to.deep.equal([]);
    }
  });

  it("the same seed gives the same payloads, also from a fresh context", function () {
    for (const schema of SCHEMAS) {
      forEachSeed(SEEDS, (seed) => {
        const draw = () => {
          const f = inlineFixture(schema);
          return fc.sample(invalidArbitrary(f.target, f.ctx, new InvalidStats())!, { numRuns: 25, seed });
        };
        expect(draw()).to.deep.equal(draw());
      });
    }
  });

  it("payloads that break properties.__proto__ are confirmed by the oracle (stock ajv ignored that key; src/oracle/proto-key.ts)", function () {
    const f = inlineFixture(JSON.parse('{"type": "object", "properties": {"__proto__": {"type": "number"}, "a": {"type": "string"}}, "required": ["a"]}'));
    const stats = new InvalidStats();
    const used = SEEDS.flatMap((seed) => fc.sample(invalidArbitrary(f.target, f.ctx, stats)!, { numRuns: 40, seed }));
    expectAllTrue(f, used);
    expect(stats.accepted).to.equal(0);
    expect(stats.checked).to.equal(stats.confirmed);
    expect(stats.confirmed).to.be.at.least(used.length);
  });

  it("unbreakableKeywords: annotations, trivial bounds, conditions and negated schemas, with reasons", function () {
    const f = inlineFixture({ type: "string", title: "t", minLength: 0, maxLength: 9, format: "int32", not: { type: "integer", maximum: 3 }, if: { minLength: 2 } });
    const listed = new Map(unbreakableKeywords(f.target, f.ctx).map((u) => [u.schemaPath, u.reason]));
    expect([...listed.keys()].sort()).to.deep.equal(["/format", "/if", "/if/minLength", "/minLength", "/not/maximum", "/not/type"]);
    expect(listed.get("/format")).to.match(/annotation/);
    expect(listed.get("/not/type")).to.match(/inside not/);
    expect(listed.has("/maxLength")).to.equal(false);
    expect(listed.has("/title")).to.equal(false);
  });
});
