import { expect } from "chai";
import fc from "fast-check";
import { invalidArbitrary, InvalidStats, rawInvalidArbitrary, type InvalidPayload } from "../../../src/generate/invalid/index.js";
import { needsShared, SHARED_CODEX, SHARED_SCHEMASTORE, SHARED_SUITE } from "../../helpers/paths.js";
import { codexFixtures, constrained, schemastoreFixtures, suiteFixtures, type Fixture } from "./fixtures.js";
import { expectAllTrue } from "./helpers.js";
import { forEachSeed } from "../../helpers/seeds.js";

/** A few payloads per seed of every fixture; the share of constrained fixtures that got any. */
function checkFixtures(fixtures: Fixture[], seeds: number[], runs: number): { reach: number; payloads: number } {
  let reached = 0;
  let withConstraints = 0;
  let payloads = 0;
  for (const f of fixtures) {
    const arb = invalidArbitrary(f.target, f.ctx, new InvalidStats());
    if (constrained(f)) withConstraints++;
    if (!arb) continue;
    reached++;
    forEachSeed(seeds, (seed) => {
      const drawn: InvalidPayload[] = fc.sample(arb, { numRuns: runs, seed });
      expectAllTrue(f, drawn);
      payloads += drawn.length;
    });
  }
  return { reach: withConstraints === 0 ? 1 : Math.min(1, reached / withConstraints), payloads };
}

const SUITE_2020 = [
  "type.json", "enum.json", "const.json", "required.json", "additionalProperties.json", "patternProperties.json", "propertyNames.json",
  "minProperties.json", "maxProperties.json", "dependentRequired.json", "dependentSchemas.json", "items.json", "prefixItems.json",
  "contains.json", "minContains.json", "maxContains.json", "uniqueItems.json", "minLength.json", "maxLength.json", "pattern.json",
  "format.json", "minimum.json", "maximum.json", "exclusiveMinimum.json", "exclusiveMaximum.json", "multipleOf.json", "oneOf.json",
  "anyOf.json", "allOf.json", "not.json", "if-then-else.json", "unevaluatedProperties.json", "ref.json", "boolean_schema.json",
];
const SUITE_7 = [
  "type.json", "enum.json", "const.json", "required.json", "additionalItems.json", "items.json", "dependencies.json", "contains.json",
  "propertyNames.json", "if-then-else.json", "oneOf.json", "not.json", "ref.json", "format.json", "uniqueItems.json", "maxLength.json",
];

describe("invalid payloads over real schemas: every payload invalid under ajv, every label true, nothing else broken at its place", function () {
  this.timeout(120_000);

  it("every definition of the Codex app-server bundle (two seeds)", function () {
    needsShared(this, SHARED_CODEX);
    const { reach, payloads } = checkFixtures(codexFixtures(), [3, 77], 4);
    expect(reach).to.be.at.least(0.95);
    expect(payloads).to.be.greaterThan(3000);
  });

  it("a quarter of the SchemaStore corpus's schemas and definitions (one fixed seed and the fresh one)", function () {
    needsShared(this, SHARED_SCHEMASTORE);
    const { reach, payloads } = checkFixtures(schemastoreFixtures(true).filter((_, i) => i % 4 === 0), [5], 4);
    expect(reach).to.be.at.least(0.9);
    expect(payloads).to.be.greaterThan(500);
  });

  it("JSON-Schema-Test-Suite draft2020-12 groups, keyword by keyword", function () {
    needsShared(this, SHARED_SUITE);
    const { reach } = checkFixtures(suiteFixtures("draft2020-12", SUITE_2020), [5, 11], 6);
    expect(reach).to.be.at.least(0.95);
  });

  it("JSON-Schema-Test-Suite draft7 groups", function () {
    needsShared(this, SHARED_SUITE);
    const { reach } = checkFixtures(suiteFixtures("draft7", SUITE_7), [5, 11], 6);
    expect(reach).to.be.at.least(0.95);
  });

  it("mutator precision over the Codex bundle: ajv confirms at least 95% of raw payloads invalid", function () {
    needsShared(this, SHARED_CODEX);
    let raw = 0;
    let confirmed = 0;
    for (const f of codexFixtures().filter((_, i) => i % 3 === 0)) {
      const arb = rawInvalidArbitrary(f.target, f.ctx);
      if (!arb) continue;
      const check = f.ctx.oracle.check(f.target.uri, f.target.dialect);
      for (const p of fc.sample(arb, { numRuns: 10, seed: 8 })) {
        raw++;
        if (!check(p.instance)) confirmed++;
      }
    }
    expect(raw).to.be.greaterThan(1000);
    expect(confirmed / raw).to.be.at.least(0.95);
  });
});
