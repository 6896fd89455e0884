import { expect } from "chai";
import { isObject, type JsonObject } from "../../../src/schema/json.js";
import { buildError, validPayloads } from "./helpers.js";

const objects = (xs: unknown[]) => xs.filter(isObject) as JsonObject[];

describe("valid generation: object keywords", function () {
  this.timeout(60_000);

  it("patternProperties: extra keys are drawn from the patterns, values follow the matching schemas", function () {
    const xs = objects(validPayloads({ type: "object", patternProperties: { "^x-[a-z]+$": { type: "integer" }, "^n\\d$": { type: "null" } }, additionalProperties: false }));
    const keys = xs.flatMap((o) => Object.keys(o));
    expect(keys.some((k) => /^x-[a-z]+$/.test(k))).to.equal(true);
    expect(keys.some((k) => /^n\d$/.test(k))).to.equal(true);
  });

  it("additionalProperties with patterns: free keys follow additionalProperties, pattern keys their pattern", function () {
    const xs = objects(validPayloads({ type: "object", properties: { a: { const: 1 } }, patternProperties: { "^p": { type: "string" } }, additionalProperties: { type: "boolean" } }));
    expect(xs.some((o) => Object.keys(o).some((k) => k !== "a" && !k.startsWith("p")))).to.equal(true);
  });

  it("propertyNames: every key is drawn from the propertyNames schema", function () {
    const xs = objects(validPayloads({ type: "object", propertyNames: { pattern: "^[A-Z]{2,4}$" }, minProperties: 1 }));
    expect(xs.every((o) => Object.keys(o).every((k) => /^[A-Z]{2,4}$/.test(k)))).to.equal(true);
    const enums = objects(validPayloads({ type: "object", propertyNames: { enum: ["red", "green", "blue"] }, minProperties: 2 }));
    expect(enums.every((o) => Object.keys(o).length >= 2)).to.equal(true);
  });

  it("minProperties/maxProperties: counts within the bounds, both bounds reached", function () {
    const xs = objects(validPayloads({ type: "object", minProperties: 2, maxProperties: 3 }));
    expect(xs.every((o) => Object.keys(o).length >= 2 && Object.keys(o).length <= 3)).to.equal(true);
    expect(xs.some((o) => Object.keys(o).length === 3)).to.equal(true);
    validPayloads({ type: "object", properties: { a: {}, b: {}, c: {} }, additionalProperties: false, minProperties: 3 });
    expect(buildError({ type: "object", properties: { a: {} }, additionalProperties: false, minProperties: 2 })?.name).to.equal("Unsatisfiable");
    expect(buildError({ type: "object", required: ["a", "b"], maxProperties: 1 })?.name).to.equal("Unsatisfiable");
  });

  it("dependentRequired and array-valued dependencies pull their keys in", function () {
    const xs = objects(validPayloads({ type: "object", properties: { a: {}, b: {}, c: {} }, dependentRequired: { a: ["b"], b: ["c"] } }));
    expect(xs.some((o) => "a" in o)).to.equal(true);
    expect(xs.filter((o) => "a" in o).every((o) => "b" in o && "c" in o)).to.equal(true);
    validPayloads({ type: "object", properties: { a: {}, b: {} }, dependencies: { a: ["b"] } }, "draft-04");
  });

  it("dependentSchemas and schema-valued dependencies: the key present with its schema, or absent", function () {
    const xs = objects(validPayloads({ type: "object", properties: { card: { type: "string" } }, dependentSchemas: { card: { required: ["billing"], properties: { billing: { type: "integer" } } } } }));
    expect(xs.some((o) => "card" in o)).to.equal(true);
    expect(xs.some((o) => !("card" in o))).to.equal(true);
    expect(xs.filter((o) => "card" in o).every((o) => typeof o.billing === "number")).to.equal(true);
    validPayloads({ properties: { a: {} }, dependencies: { a: { properties: { b: { type: "string" } }, required: ["b"] } } }, "draft-07");
  });

  it("required keys the schema forbids are unsatisfiable; forbidden optional keys are left out", function () {
    expect(buildError({ type: "object", required: ["a"], properties: { a: false } })?.name).to.equal("Unsatisfiable");
    expect(buildError({ type: "object", required: ["x"], additionalProperties: false })?.name).to.equal("Unsatisfiable");
    const xs = objects(validPayloads({ type: "object", properties: { a: false, b: { type: "integer" } } }));
    expect(xs.every((o) => !("a" in o))).to.equal(true);
  });

  it("keys that are JavaScript property names (__proto__, constructor) are own keys", function () {
    const schema = JSON.parse('{"type": "object", "properties": {"__proto__": {"type": "integer"}, "constructor": {"type": "string"}}, "required": ["__proto__", "constructor"]}') as JsonObject;
    const xs = objects(validPayloads(schema, "draft-07"));
    expect(xs.every((o) => typeof o.constructor === "string" && Number.isInteger(Object.getOwnPropertyDescriptor(o, "__proto__")?.value))).to.equal(true);
    expect(xs.every((o) => Object.prototype.hasOwnProperty.call(o, "__proto__") && Object.getPrototypeOf(o) === Object.prototype)).to.equal(true);
    expect(JSON.stringify(xs[0])).to.contain('"__proto__"');
  });

  it("unevaluatedProperties sees properties of allOf, $ref and the chosen branch, and only those", function () {
    const schema: JsonObject = {
      $defs: { named: { properties: { n: { type: "string" } } } },
      type: "object",
      allOf: [{ properties: { a: { type: "integer" } } }, { $ref: "#/$defs/named" }],
      anyOf: [{ properties: { b: { const: true } }, required: ["b"] }, { properties: { c: { const: false } }, required: ["c"] }],
      unevaluatedProperties: false,
    };
    const xs = objects(validPayloads(schema));
    expect(xs.every((o) => Object.keys(o).every((k) => ["a", "n", "b", "c"].includes(k)))).to.equal(true);
    const extra = objects(validPayloads({ type: "object", properties: { a: {} }, unevaluatedProperties: { type: "boolean" } }));
    expect(extra.some((o) => Object.keys(o).some((k) => k !== "a"))).to.equal(true);
  });

  it("a nested unevaluatedProperties: false does not see its cousins' properties", function () {
    expect(buildError({ type: "object", allOf: [{ properties: { foo: true } }, { unevaluatedProperties: false }], required: ["foo"] })?.name).to.equal("Unsatisfiable");
  });
});
