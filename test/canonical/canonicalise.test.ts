import { expect } from "chai";
import { canonicalise } from "../../src/canonical/canonicalise.js";
import { locationKey } from "../../src/canonical/location.js";
import { NothingFound, Unsatisfiable } from "../../src/canonical/unsatisfiable.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { input, located } from "./helpers.js";

function canon(schema: JsonSchema, dialect: Parameters<typeof located>[1] = "2020-12") {
  const { registry, at } = located(schema, dialect);
  return canonicalise(input([at]), registry);
}

describe("canonicalise", function () {
  it("intersects types through allOf and $ref; number and integer give integer", function () {
    const c = canon({ $defs: { n: { type: ["number", "string"] } }, allOf: [{ $ref: "#/$defs/n" }, { type: ["integer", "string", "null"] }] });
    expect(c.types.sort()).to.deep.equal(["integer", "string"]);
  });

  it("intersects enum and const by JSON equality (key order ignored) and drops values of excluded types", function () {
    const c = canon({ allOf: [{ enum: [1, "a", { x: 1, y: 2 }, null] }, { enum: [{ y: 2, x: 1 }, 1, null] }], type: ["object", "integer"] });
    expect(c.consts).to.deep.equal([1, { x: 1, y: 2 }]);
    expect(() => canon({ allOf: [{ const: 1 }, { const: 2 }] })).to.throw(Unsatisfiable);
  });

  it("ignores const in draft-04, where it is not a keyword (the oracle ignores it too)", function () {
    expect(canon({ const: 3 }, "draft-04").consts).to.equal(null);
    expect(canon({ const: 3 }, "draft-06").consts).to.deep.equal([3]);
    expect(canon({ if: { type: "string" }, then: { minLength: 1 } }, "draft-06").disjunctions).to.deep.equal([]);
  });

  it("reports the plainly unsatisfiable: false, not {}, not true, no common type", function () {
    expect(() => canon(false, "draft-07")).to.throw(Unsatisfiable);
    expect(() => canon({ not: {} })).to.throw(Unsatisfiable);
    expect(() => canon({ not: { description: "only an annotation" } })).to.throw(Unsatisfiable);
    expect(() => canon({ not: true })).to.throw(Unsatisfiable);
    expect(() => canon({ allOf: [{ type: "string" }, { type: "null" }] })).to.throw(Unsatisfiable);
    expect(new NothingFound("x")).to.be.instanceOf(Unsatisfiable);
  });

  it("absorbs negations that need no search: not of types, not of one type family, not of a double negation", function () {
    const c = canon({ not: { type: ["string", "null"] } });
    expect(c.types).to.not.include.members(["string", "null"]);
    expect(c.nots).to.deep.equal([]);
    expect(canon({ not: { minLength: 3 } }).types).to.deep.equal(["string"]);
    const double = canon({ not: { not: { type: "boolean" } } });
    expect(double.types).to.deep.equal(["boolean"]);
    expect(double.nots).to.deep.equal([]);
  });

  it("not of a schema requiring a key forbids that key, unless the rest requires it", function () {
    expect(canon({ not: { required: ["a"] } }).forbid).to.deep.equal(["a"]);
    expect(canon({ required: ["a"], not: { required: ["a", "b"] } }).forbid).to.deep.equal(["b"]);
    expect(canon({ required: ["a"], not: { required: ["a"] } }).forbid).to.deep.equal([]);
  });

  it("ignores keywords beside $ref in draft-07, as the specification and the oracle read them; keeps them from 2019-09 on", function () {
    const schema = { definitions: { s: { type: "string" } }, $defs: { s: { type: "string" } }, $ref: "#/definitions/s", maxLength: 3 };
    const old = canon(schema, "draft-07");
    expect(old.members.map((m) => m.pointer)).to.deep.equal(["/definitions/s"]);
    expect(old.types).to.deep.equal(["string"]);
    expect(canon(schema, "2020-12").members.map((m) => m.pointer)).to.deep.equal(["", "/definitions/s"]);
  });

  it("turns anyOf, oneOf, if and dependentSchemas into choices; oneOf branches avoid only branches they may overlap", function () {
    const c = canon({
      anyOf: [{ type: "string" }, { minimum: 1 }],
      oneOf: [{ type: "object", properties: { t: { const: "a" } }, required: ["t"] }, { type: "object", properties: { t: { const: "b" } }, required: ["t"] }, { type: "object" }],
      if: { type: "integer" },
      then: { minimum: 3 },
      dependentSchemas: { k: { required: ["j"] } },
    });
    expect(c.disjunctions.map((d) => d.keyword)).to.deep.equal(["anyOf", "oneOf", "if", "dependentSchemas"]);
    const oneOf = c.disjunctions[1]!;
    expect(oneOf.branches.map((b) => b.nots.map((n) => n.pointer))).to.deep.equal([["/oneOf/2"], ["/oneOf/2"], ["/oneOf/0", "/oneOf/1"]]);
    const dep = c.disjunctions[3]!;
    expect(dep.branches.map((b) => [b.require ?? [], b.forbid ?? []])).to.deep.equal([[[], ["k"]], [["k"], []]]);
  });

  it("records who brought each member in, for unevaluated*", function () {
    const { registry, at } = located({ $defs: { d: { properties: { a: true } } }, allOf: [{ $ref: "#/$defs/d" }] });
    const c = canonicalise(input([at]), registry);
    const byPointer = new Map(c.members.map((m) => [m.pointer, locationKey(m)]));
    expect(c.parents.get(byPointer.get("/$defs/d")!)).to.equal(byPointer.get("/allOf/0"));
    expect(c.parents.get(byPointer.get("/allOf/0")!)).to.equal(byPointer.get(""));
  });
});
