import { expect } from "chai";
import type { Json, JsonObject } from "../../../src/schema/json.js";
import { unbreakableKeywords } from "../../../src/generate/invalid/index.js";
import { inlineFixture } from "./fixtures.js";
import { atPath, invalidPayloads, withKeyword } from "./helpers.js";

const instances = (ps: { instance: Json }[]) => ps.map((p) => p.instance);

describe("invalid payloads: type, enum, const", function () {
  this.timeout(60_000);

  it("type integer: a fraction (integer vs number) and null, labelled at /type on the root", function () {
    const ps = withKeyword(invalidPayloads({ type: "integer" }), "type");
    expect(ps.every((p) => p.label.schemaPath === "/type" && p.label.instancePath === "")).to.equal(true);
    expect(instances(ps).some((v) => typeof v === "number" && !Number.isInteger(v))).to.equal(true);
    expect(instances(ps)).to.deep.include(null);
  });

  it("type beside an enum: only the listed values of another type break it alone; none listed, it is unbreakable alone", function () {
    expect(new Set(instances(withKeyword(invalidPayloads({ type: "string", enum: ["a", 1, null] }), "type")))).to.deep.equal(new Set([1, null]));
    const fixture = inlineFixture({ type: "string", enum: ["a", "b"] });
    expect(unbreakableKeywords(fixture.target, fixture.ctx).find((u) => u.schemaPath === "/type")?.reason).to.match(/every value enum\/const allows is of the type/);
    expect(withKeyword(invalidPayloads({ type: "string", enum: ["a", "b"] }), "type")).to.deep.equal([]);
  });

  it("enum and const beside type: their near misses keep the type (\"1\" for 1 would break type as well)", function () {
    const ps = [...withKeyword(invalidPayloads({ type: "integer", enum: [1, 2] }), "enum"), ...withKeyword(invalidPayloads({ type: "integer", const: 1 }), "const")];
    expect(ps.length).to.be.greaterThan(0);
    expect(instances(ps).every((v) => Number.isInteger(v))).to.equal(true);
  });

  it("type number: the same number as a string, never any number", function () {
    const ps = withKeyword(invalidPayloads({ type: "number" }), "type");
    expect(instances(ps).some((v) => typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)))).to.equal(true);
    expect(instances(ps).some((v) => typeof v === "number")).to.equal(false);
  });

  it("a property's type: null where the property stands (null vs absent), at /properties/a/type and /a", function () {
    const ps = atPath(invalidPayloads({ type: "object", properties: { a: { type: "string" } }, required: ["a"] }), "/properties/a/type");
    expect(ps.every((p) => p.label.instancePath === "/a")).to.equal(true);
    expect(ps.some((p) => (p.instance as JsonObject).a === null)).to.equal(true);
  });

  it("type lists: no listed type is ever produced", function () {
    const ps = withKeyword(invalidPayloads({ type: ["string", "null"] }), "type");
    expect(ps.length).to.be.greaterThan(0);
    expect(instances(ps).some((v) => v === null || typeof v === "string")).to.equal(false);
  });

  it("enum: near misses of another type (\"1\" and true for 1, 0 for false) and of the same type", function () {
    const ones = instances(withKeyword(invalidPayloads({ enum: [1, "abc"] }), "enum"));
    expect(ones).to.deep.include("1");
    expect(ones).to.deep.include(true);
    expect(ones.some((v) => typeof v === "string" && v !== "abc" && v.toLowerCase().includes("abc"))).to.equal(true);
    expect(instances(withKeyword(invalidPayloads({ enum: [false, null] }), "enum"))).to.deep.include(0);
  });

  it("const: true and \"1\" for 1, 0 for false, null for anything", function () {
    const one = instances(withKeyword(invalidPayloads({ const: 1 }), "const"));
    expect(one).to.deep.include(true);
    expect(one).to.deep.include("1");
    expect(instances(withKeyword(invalidPayloads({ const: false }), "const"))).to.deep.include(0);
    expect(instances(withKeyword(invalidPayloads({ const: { a: [1] } }), "const"))).to.deep.include(null);
  });
});
