import { expect } from "chai";
import { isObject, type Json, type JsonObject } from "../../../src/schema/json.js";
import { getAtPointer } from "../../../src/schema/pointer.js";
import { atPath, invalidPayloads, withKeyword } from "./helpers.js";

const objects = (ps: { instance: Json }[]) => ps.map((p) => p.instance).filter(isObject);

describe("invalid payloads: object keywords", function () {
  this.timeout(60_000);

  it("required: every listed name goes missing at some point, not only the first", function () {
    const ps = withKeyword(invalidPayloads({ type: "object", properties: { a: { type: "integer" }, b: { type: "integer" }, c: { type: "integer" } }, required: ["a", "b", "c"] }), "required");
    const missing = new Set(objects(ps).flatMap((o) => ["a", "b", "c"].filter((k) => !(k in o))));
    expect([...missing].sort()).to.deep.equal(["a", "b", "c"]);
  });

  it("required at depth: labelled with the nested schema path and the object's instance path", function () {
    const schema = {
      type: "object",
      properties: { x: { type: "object", properties: { y: { type: "object", properties: { z: { type: "string" } }, required: ["z"] } }, required: ["y"] } },
      required: ["x"],
    };
    const ps = atPath(invalidPayloads(schema), "/properties/x/properties/y/required");
    expect(ps.length).to.be.greaterThan(0);
    expect(ps.every((p) => p.label.instancePath === "/x/y" && !("z" in (getAtPointer(p.instance, "/x/y") as JsonObject)))).to.equal(true);
  });

  it("additionalProperties: false gets an unnamed key; a schema gets a key whose value breaks it", function () {
    const closed = withKeyword(invalidPayloads({ type: "object", properties: { name: { type: "string" } }, additionalProperties: false }), "additionalProperties");
    expect(closed.length).to.be.greaterThan(0);
    expect(objects(closed).every((o) => Object.keys(o).some((k) => k !== "name"))).to.equal(true);
    const typed = atPath(invalidPayloads({ type: "object", additionalProperties: { type: "integer" } }), "/additionalProperties/type");
    expect(typed.some((p) => p.label.instancePath !== "")).to.equal(true);
  });

  it("patternProperties: a key matching the pattern with a value that breaks its schema", function () {
    const ps = atPath(invalidPayloads({ type: "object", patternProperties: { "^x-": { type: "string" } } }), "/patternProperties/^x-/type");
    expect(ps.length).to.be.greaterThan(0);
    expect(ps.every((p) => p.label.instancePath.startsWith("/x-"))).to.equal(true);
  });

  it("propertyNames: a key that breaks the name schema, labelled at the object; false forbids any key", function () {
    const ps = atPath(invalidPayloads({ type: "object", propertyNames: { maxLength: 3 } }), "/propertyNames/maxLength");
    expect(ps.length).to.be.greaterThan(0);
    expect(ps.every((p) => p.label.instancePath === "" && Object.keys(p.instance as JsonObject).some((k) => [...k].length > 3))).to.equal(true);
    expect(withKeyword(invalidPayloads({ type: "object", propertyNames: false }), "propertyNames").length).to.be.greaterThan(0);
  });

  it("minProperties and maxProperties: one key short of, one key past the bound", function () {
    const few = withKeyword(invalidPayloads({ type: "object", minProperties: 2 }), "minProperties");
    expect(objects(few).some((o) => Object.keys(o).length === 1)).to.equal(true);
    const many = withKeyword(invalidPayloads({ type: "object", properties: { a: { type: "integer" } }, maxProperties: 1 }), "maxProperties");
    expect(objects(many).some((o) => Object.keys(o).length === 2)).to.equal(true);
    expect(objects(many).every((o) => Object.keys(o).length > 1)).to.equal(true);
  });

  it("dependentRequired (2020-12) and list dependencies (draft-07): the trigger present without its dependent", function () {
    const modern = objects(withKeyword(invalidPayloads({ type: "object", dependentRequired: { a: ["b"] } }), "dependentRequired"));
    expect(modern.length).to.be.greaterThan(0);
    expect(modern.every((o) => "a" in o && !("b" in o))).to.equal(true);
    const legacy = objects(withKeyword(invalidPayloads({ type: "object", dependencies: { a: ["b", "c"] } }, "draft-07"), "dependencies"));
    expect(legacy.every((o) => "a" in o && (!("b" in o) || !("c" in o)))).to.equal(true);
  });

  it("dependentSchemas and schema dependencies: a keyword of the dependent schema broken with its trigger present", function () {
    const schema = { type: "object", properties: { a: { type: "integer" }, c: { type: "string" } }, dependentSchemas: { a: { properties: { c: { maxLength: 2 } } } } };
    const ps = atPath(invalidPayloads(schema), "/dependentSchemas/a/properties/c/maxLength");
    expect(ps.length).to.be.greaterThan(0);
    expect(objects(ps).every((o) => "a" in o)).to.equal(true);
    const legacy = invalidPayloads({ type: "object", dependencies: { a: { required: ["b"], properties: { b: { type: "boolean" } } } } }, "draft-07");
    expect(legacy.some((p) => p.label.schemaPath.startsWith("/dependencies/a/"))).to.equal(true);
  });

  it("properties: an absent property added with a breaking value; a false property added at all", function () {
    const optional = atPath(invalidPayloads({ type: "object", properties: { a: { type: "array", items: { type: "integer" } } } }), "/properties/a/items/type");
    expect(optional.length).to.be.greaterThan(0);
    const forbidden = withKeyword(invalidPayloads({ type: "object", properties: { a: false } }), "false");
    expect(forbidden.every((p) => p.label.schemaPath === "/properties/a" && p.label.instancePath === "/a")).to.equal(true);
    expect(forbidden.length).to.be.greaterThan(0);
  });

  it("unevaluatedProperties: a key no in-place applicator evaluates, with allOf and anyOf in play", function () {
    const ps = withKeyword(invalidPayloads({ type: "object", allOf: [{ properties: { a: { type: "integer" } } }], unevaluatedProperties: false }), "unevaluatedProperties");
    expect(ps.length).to.be.greaterThan(0);
    expect(objects(ps).every((o) => Object.keys(o).some((k) => k !== "a"))).to.equal(true);
    const typed = invalidPayloads({ type: "object", anyOf: [{ properties: { a: {} }, required: ["a"] }, { properties: { b: {} }, required: ["b"] }], unevaluatedProperties: { type: "string" } });
    expect(typed.some((p) => p.label.schemaPath === "/unevaluatedProperties/type")).to.equal(true);
  });
});
