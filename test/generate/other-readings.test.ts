import { expect } from "chai";
import fc from "fast-check";
import { isReadOtherwise, otherReadingArbitrary } from "../../src/generate/invalid/other-readings.js";
import { locateTarget } from "../../src/generate/valid/index.js";
import type { Dialect } from "../../src/schema/dialect.js";
import { isObject, type Json, type JsonSchema } from "../../src/schema/json.js";
import { inlineFixture } from "./invalid/fixtures.js";
import { forEachSeed } from "../helpers/seeds.js";

/** The probes of other readings drawn over the fixed seeds and this run's fresh one, each asserted valid under the oracle. */
function probes(schema: JsonSchema, dialect: Dialect): Json[] {
  const fixture = inlineFixture(schema, dialect);
  const arb = otherReadingArbitrary(fixture.target, fixture.ctx);
  expect(arb, `no other reading found in ${JSON.stringify(schema)}`).to.not.equal(undefined);
  const check = fixture.ctx.oracle.check(fixture.target.uri, fixture.target.dialect);
  const out: Json[] = [];
  forEachSeed([1, 42, 2024], (seed) => {
    const drawn = fc.sample(arb!, { numRuns: 60, seed }).filter((v): v is Json => v !== null);
    expect(drawn.filter((v) => !check(v)).slice(0, 3), "probes the oracle rejects").to.deep.equal([]);
    out.push(...drawn);
  });
  return out;
}

const objects = (xs: Json[]) => xs.filter((x): x is Record<string, Json> => isObject(x));

describe("other readings: valid payloads that break a keyword the dialect does not read", function () {
  this.timeout(120_000);

  it("which keywords are read otherwise: outside the dialect, or beside a legacy $ref; not what the dialect applies or keeps", function () {
    const at = (schema: JsonSchema, dialect: Dialect) => locateTarget(inlineFixture(schema, dialect).target);
    expect(isReadOtherwise("const", at({ const: 1 }, "draft-04"))).to.equal(true);
    expect(isReadOtherwise("const", at({ const: 1 }, "draft-06"))).to.equal(false);
    expect(isReadOtherwise("if", at({ if: {} }, "draft-06"))).to.equal(true);
    expect(isReadOtherwise("unevaluatedProperties", at({ unevaluatedProperties: false }, "draft-07"))).to.equal(true);
    const besideRef = { $ref: "#/definitions/n", maximum: 3, definitions: { n: { type: "integer" } } };
    expect(isReadOtherwise("maximum", at(besideRef, "draft-07"))).to.equal(true);
    expect(isReadOtherwise("definitions", at(besideRef, "draft-07"))).to.equal(false);
    expect(isReadOtherwise("maximum", at(besideRef, "2019-09"))).to.equal(false);
    expect(isReadOtherwise("dependencies", at({ dependencies: {} }, "2020-12")), "applied for compatibility").to.equal(false);
    expect(isReadOtherwise("x-vendor", at({ "x-vendor": 1 }, "draft-04")), "not a keyword of any dialect").to.equal(false);
  });

  it("if/then in draft-06: the condition met and then's required key absent, which only a validator applying if rejects", function () {
    const schema = { type: "object", properties: { t: { type: "string" }, y: { type: "integer" } }, if: { properties: { t: { const: "x-special" } }, required: ["t"] }, then: { required: ["y"] } };
    const found = objects(probes(schema, "draft-06"));
    expect(found.some((o) => o.t === "x-special" && !("y" in o))).to.equal(true);
  });

  it("keywords beside a draft-07 $ref: values past the ignored bounds", function () {
    const schema = { definitions: { n: { type: "integer" } }, type: "object", properties: { a: { $ref: "#/definitions/n", minimum: 0, maximum: 3 } }, required: ["a"] };
    const found = objects(probes(schema, "draft-07"));
    expect(found.some((o) => typeof o.a === "number" && (o.a > 3 || o.a < 0))).to.equal(true);
  });

  it("const and contains in draft-04: a value other than the const, an array without a matching item", function () {
    const found = objects(probes({ type: "object", properties: { mode: { type: "string", const: "fast" }, tags: { type: "array", contains: { enum: ["core"] } } }, required: ["mode", "tags"] }, "draft-04"));
    expect(found.some((o) => o.mode !== "fast")).to.equal(true);
    expect(found.some((o) => Array.isArray(o.tags) && !o.tags.includes("core"))).to.equal(true);
  });

  it("subschemas of siblings hidden beside a draft-07 $ref, which ajv's reading does not hold, give plain values instead of failing the target", function () {
    const schema = { definitions: { n: { type: "object" } }, type: "object", properties: { a: { $ref: "#/definitions/n", properties: { b: { oneOf: [{ type: "string" }, { type: "integer" }] } } } } };
    const fixture = inlineFixture(schema, "draft-07");
    const arb = otherReadingArbitrary(fixture.target, fixture.ctx)!;
    expect(arb).to.not.equal(undefined);
    const check = fixture.ctx.oracle.check(fixture.target.uri, fixture.target.dialect);
    const drawn = fc.sample(arb, { numRuns: 60, seed: 3 });
    expect(drawn.filter((v) => v !== null && !check(v))).to.deep.equal([]);
  });

  it("a schema whose every keyword its dialect reads has no other reading", function () {
    const fixture = inlineFixture({ type: "object", properties: { a: { const: 1 } }, if: { required: ["a"] }, then: { required: ["b"] } }, "2020-12");
    expect(otherReadingArbitrary(fixture.target, fixture.ctx)).to.equal(undefined);
  });
});
