import { expect } from "chai";
import fc from "fast-check";
import { invalidArbitrary, InvalidStats } from "../../src/generate/invalid/index.js";
import { validArbitrary } from "../../src/generate/valid/index.js";
import type { Dialect } from "../../src/schema/dialect.js";
import type { JsonObject } from "../../src/schema/json.js";
import { inlineFixture } from "../generate/invalid/fixtures.js";
import { SEEDS } from "../generate/invalid/helpers.js";

/** Invalid payloads' keywords over several seeds. */
function brokenKeywords(schema: JsonObject, dialect: Dialect): Set<string> {
  const f = inlineFixture(schema, dialect);
  const arb = invalidArbitrary(f.target, f.ctx, new InvalidStats());
  if (!arb) return new Set();
  return new Set(SEEDS.flatMap((seed) => fc.sample(arb, { numRuns: 30, seed }).map((p) => p.label.keyword)));
}

describe("a keyword outside its dialect is neither generated, nor labelled, nor judged", function () {
  const cases: Array<[string, Dialect, JsonObject]> = [
    ["const", "draft-04", { type: "integer", const: 1, minimum: 0 }],
    ["contains", "draft-04", { type: "array", contains: { type: "string" }, maxItems: 3 }],
    ["propertyNames", "draft-04", { type: "object", propertyNames: { maxLength: 1 }, maxProperties: 2 }],
    ["if", "draft-06", { type: "integer", if: { minimum: 5 }, then: { maximum: 3 } }],
    ["then", "draft-06", { type: "integer", if: { minimum: 5 }, then: { maximum: 3 } }],
    ["dependentRequired", "draft-07", { type: "object", dependentRequired: { a: ["b"] }, maxProperties: 3 }],
    ["prefixItems", "2019-09", { type: "array", prefixItems: [{ type: "string" }], maxItems: 2 }],
    ["dependencies", "2020-12", { type: "object", dependencies: { a: ["b"] }, maxProperties: 3 }],
    ["additionalItems", "2020-12", { type: "array", items: { type: "integer" }, additionalItems: false, maxItems: 3 }],
  ];
  for (const [keyword, dialect, schema] of cases) {
    it(`${keyword} in ${dialect} is never the broken keyword`, function () {
      const broken = brokenKeywords(schema, dialect);
      expect(broken.size, "some other keyword is broken").to.be.greaterThan(0);
      expect([...broken]).to.not.include(keyword);
    });
  }

  it("draft-04 const is not generated: valid payloads take other values", function () {
    const f = inlineFixture({ type: "integer", const: 1 }, "draft-04");
    const values = SEEDS.flatMap((seed) => fc.sample(validArbitrary(f.target, f.ctx), { numRuns: 30, seed }));
    expect(values.some((v) => v !== 1)).to.equal(true);
    const check = f.ctx.oracle.check(f.target.uri, "draft-04");
    expect(values.every((v) => check(v))).to.equal(true);
  });

  it("dependencies in 2020-12 (kept for compatibility) is honoured by valid payloads, so both readings accept them", function () {
    const f = inlineFixture({ type: "object", properties: { a: true, b: true }, dependencies: { a: ["b"] }, required: ["a"] }, "2020-12");
    const values = SEEDS.flatMap((seed) => fc.sample(validArbitrary(f.target, f.ctx), { numRuns: 20, seed })) as JsonObject[];
    expect(values.every((v) => "b" in v)).to.equal(true);
  });
});
