import { expect } from "chai";
import type { Json } from "../../../src/schema/json.js";
import { inlineFixture } from "./fixtures.js";
import { invalidPayloads, withKeyword } from "./helpers.js";

const values = (ps: { instance: Json }[]) => ps.map((p) => p.instance);

describe("invalid payloads: applicators and boolean schemas", function () {
  this.timeout(60_000);

  it("oneOf: a value matching two branches, and one matching none", function () {
    const fixture = inlineFixture({ oneOf: [{ type: "integer" }, { minimum: 2 }] });
    const matches = (i: number) => fixture.ctx.oracle.check(`${fixture.target.uri}#/oneOf/${i}`, "2020-12");
    const ps = values(withKeyword(invalidPayloads({ oneOf: [{ type: "integer" }, { minimum: 2 }] }), "oneOf"));
    expect(ps.some((v) => matches(0)(v) && matches(1)(v))).to.equal(true);
    expect(ps.some((v) => !matches(0)(v) && !matches(1)(v))).to.equal(true);
  });

  it("anyOf: a value next to a valid one that matches no branch", function () {
    const ps = values(withKeyword(invalidPayloads({ anyOf: [{ type: "string" }, { type: "integer" }] }), "anyOf"));
    expect(ps.length).to.be.greaterThan(0);
    expect(ps.every((v) => typeof v !== "string" && !Number.isInteger(v))).to.equal(true);
  });

  it("a keyword inside the only anyOf branch a value matches breaks the anyOf too", function () {
    const ps = invalidPayloads({ type: "object", anyOf: [{ properties: { kind: { const: "a" }, n: { type: "integer" } }, required: ["kind", "n"] }, { properties: { kind: { const: "b" } }, required: ["kind"] }] });
    expect(ps.some((p) => p.label.schemaPath === "/anyOf/0/properties/n/type")).to.equal(true);
  });

  it("not: a value the negated schema accepts", function () {
    const ps = values(withKeyword(invalidPayloads({ not: { type: "string" } }), "not"));
    expect(ps.length).to.be.greaterThan(0);
    expect(ps.every((v) => typeof v === "string")).to.equal(true);
  });

  it("if/then/else: both branches broken, each with its condition selecting it", function () {
    const schema = {
      type: "object",
      properties: { kind: { enum: ["a", "b"] }, x: { type: "integer" }, y: { type: "integer" } },
      required: ["kind"],
      if: { properties: { kind: { const: "a" } } },
      then: { required: ["x"] },
      else: { required: ["y"] },
    };
    const ps = invalidPayloads(schema);
    expect(ps.some((p) => p.label.schemaPath.startsWith("/then"))).to.equal(true);
    expect(ps.some((p) => p.label.schemaPath.startsWith("/else"))).to.equal(true);
  });

  it("schemas with no valid instance are broken from the schema: allOf with false, not {}, oneOf of two trues, false", function () {
    expect(invalidPayloads({ allOf: [true, false] }).every((p) => p.label.keyword === "false" && p.label.schemaPath === "/allOf/1")).to.equal(true);
    expect(invalidPayloads({ not: {} }).every((p) => p.label.keyword === "not")).to.equal(true);
    expect(invalidPayloads({ oneOf: [true, true] }).every((p) => p.label.keyword === "oneOf")).to.equal(true);
    expect(invalidPayloads(false).every((p) => p.label.keyword === "false" && p.label.schemaPath === "")).to.equal(true);
    expect(withKeyword(invalidPayloads({ type: "object", properties: { a: { not: {} } } }), "not").length).to.be.greaterThan(0);
  });

  it("keywords reached through $ref are labelled along the evaluation path, and located where written", function () {
    const ps = invalidPayloads({ $defs: { pos: { type: "integer", minimum: 1 } }, type: "object", properties: { a: { $ref: "#/$defs/pos" } }, required: ["a"] });
    const viaRef = ps.filter((p) => p.label.schemaPath === "/properties/a/$ref/minimum");
    expect(viaRef.length).to.be.greaterThan(0);
    expect(viaRef.every((p) => p.schemaLocation.endsWith("#/$defs/pos/minimum"))).to.equal(true);
  });
});
