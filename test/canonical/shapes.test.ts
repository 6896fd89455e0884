import { expect } from "chai";
import { arrayShape } from "../../src/canonical/array-shape.js";
import { canonicalise } from "../../src/canonical/canonicalise.js";
import { outlineOf, outlinesDisjoint } from "../../src/canonical/disjoint.js";
import { oracleMultipleOf, numericBounds } from "../../src/canonical/numeric-bounds.js";
import { objectShape } from "../../src/canonical/object-shape.js";
import { stringBounds } from "../../src/canonical/string-bounds.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { input, located } from "./helpers.js";

function members(schema: JsonSchema, dialect: Parameters<typeof located>[1] = "2020-12") {
  const { registry, at } = located(schema, dialect);
  const c = canonicalise(input([at]), registry);
  return { registry, c };
}

describe("canonical shapes", function () {
  it("numeric bounds: tightest bounds win, draft-04 boolean exclusives, every multipleOf kept", function () {
    const b = numericBounds(members({ allOf: [{ minimum: 1, maximum: 9 }, { exclusiveMinimum: 1 }, { maximum: 5, multipleOf: 0.5 }] }).c.members);
    expect(b).to.include({ min: 1, minExclusive: true, max: 5, maxExclusive: false });
    expect(b.multipleOf).to.deep.equal([0.5]);
    const d4 = numericBounds(members({ minimum: 0, exclusiveMinimum: true }, "draft-04").c.members);
    expect(d4).to.include({ min: 0, minExclusive: true });
  });

  it("the oracle's multipleOf rule is decimal: 0.07 (= 7 * 0.01) and 0.05 pass, 0.07000000000000002 fails", function () {
    expect(oracleMultipleOf(7 * 0.01, 0.01)).to.equal(true);
    expect(oracleMultipleOf(0.07000000000000002, 0.01)).to.equal(false);
    expect(oracleMultipleOf(0.07, 0.01)).to.equal(true);
    expect(oracleMultipleOf(0.05, 0.01)).to.equal(true);
    expect(oracleMultipleOf(1e308, 0.123456789)).to.equal(false);
  });

  it("string bounds: lengths merged, patterns and formats collected", function () {
    const b = stringBounds(members({ allOf: [{ minLength: 2, pattern: "a" }, { maxLength: 5, format: "email" }] }).c.members);
    expect(b).to.deep.include({ minLength: 2, maxLength: 5, patterns: ["a"], formats: ["email"] });
  });

  it("object shape: additionalProperties per member, patterns, unevaluatedProperties seeing only its own subtree", function () {
    const { registry, c } = members({ properties: { a: { type: "string" } }, patternProperties: { "^x": { type: "integer" } }, additionalProperties: false, allOf: [{ properties: { b: true } }] });
    const shape = objectShape(c.members, registry, { parents: c.parents });
    expect(shape.childFor("b")).to.equal("forbidden");
    expect(shape.childFor("xy")).to.not.equal("forbidden");
    expect(shape.anyKeyAllowed).to.equal(false);
    const uneval = members({ allOf: [{ properties: { b: true } }], unevaluatedProperties: false, properties: { a: true } });
    const u = objectShape(uneval.c.members, uneval.registry, { parents: uneval.c.parents });
    expect(u.childFor("a")).to.not.equal("forbidden");
    expect(u.childFor("b")).to.not.equal("forbidden");
    expect(u.childFor("zz")).to.equal("forbidden");
    const cousin = members({ allOf: [{ properties: { b: true } }, { unevaluatedProperties: false }] });
    expect(objectShape(cousin.c.members, cousin.registry, { parents: cousin.c.parents }).childFor("b")).to.equal("forbidden");
  });

  it("array shape: prefixItems in 2020-12, items arrays before; unevaluatedItems after the evaluated prefix", function () {
    const a = members({ prefixItems: [{ type: "string" }], items: false });
    expect(arrayShape(a.c.members, a.registry).maxItems).to.equal(1);
    const b = members({ items: [{ type: "string" }], additionalItems: { type: "integer" } }, "draft-07");
    const shape = arrayShape(b.c.members, b.registry);
    expect(shape.prefixLength).to.equal(1);
    expect((shape.childFor(3) as { pointer: string }[]).map((l) => l.pointer)).to.deep.equal(["/additionalItems"]);
    const u = members({ allOf: [{ prefixItems: [true, true] }], unevaluatedItems: false });
    const us = arrayShape(u.c.members, u.registry, u.c.parents);
    expect(us.childFor(1)).to.not.equal("forbidden");
    expect(us.childFor(2)).to.equal("forbidden");
  });

  it("outlines tell tagged, typed and constant branches apart", function () {
    const { registry, at } = located({ $defs: {
      a: { type: "object", properties: { kind: { enum: ["a"] } }, required: ["kind"] },
      b: { type: "object", properties: { kind: { const: "b" } }, required: ["kind"] },
      s: { type: "string" },
      any: { type: "object" },
    } });
    const o = (name: string) => outlineOf(registry.lookup(at.document.uri + "#/$defs/" + name)!, registry);
    expect(outlinesDisjoint(o("a"), o("b"))).to.equal(true);
    expect(outlinesDisjoint(o("a"), o("s"))).to.equal(true);
    expect(outlinesDisjoint(o("a"), o("any"))).to.equal(false);
  });
});
