import { expect } from "chai";
import { isObject, type Json, type JsonObject } from "../../../src/schema/json.js";
import { buildError, validPayloads } from "./helpers.js";

describe("valid generation: applicators, references and boolean schemas", function () {
  this.timeout(60_000);

  it("not, also of several keywords at once, and of a type", function () {
    const xs = validPayloads({ not: { type: "string", minLength: 2 } });
    expect(xs.every((x) => typeof x !== "string" || [...x].length < 2)).to.equal(true);
    expect(xs.some((x) => typeof x === "string")).to.equal(true);
    expect(validPayloads({ not: { type: ["object", "array", "string"] } }).every((x) => x === null || typeof x !== "object")).to.equal(true);
    validPayloads({ type: "object", not: { required: ["a"] }, properties: { a: {}, b: {} } });
    validPayloads({ not: { not: { type: "integer" } } });
  });

  it("if/then/else: both branches appear, each with its own rule", function () {
    const xs = validPayloads({ if: { type: "integer" }, then: { minimum: 100 }, else: { type: "string" } }, "draft-07");
    expect(xs.every((x) => (Number.isInteger(x) ? (x as number) >= 100 : typeof x === "string"))).to.equal(true);
    expect(xs.some((x) => typeof x === "string") && xs.some((x) => Number.isInteger(x))).to.equal(true);
  });

  it("oneOf is exclusive: no payload matches two branches", function () {
    const xs = validPayloads({ oneOf: [{ type: "integer" }, { minimum: 2 }, { type: "string", maxLength: 2 }] });
    // minimum ignores non-numbers, maxLength non-strings: a long string matches only the second branch.
    const matches = (x: Json) => [typeof x === "number" && Number.isInteger(x), typeof x !== "number" || x >= 2, typeof x === "string" && [...x].length <= 2].filter(Boolean).length;
    expect(xs.every((x) => matches(x) === 1)).to.equal(true);
    expect(buildError({ oneOf: [true, true] }, "draft-07")?.name).to.equal("Unsatisfiable");
  });

  it("allOf is an intersection: types, properties, required and enums merge", function () {
    const xs = validPayloads({ allOf: [{ type: ["object", "string"] }, { type: "object", properties: { a: { enum: [1, 2, 3] } }, required: ["a"] }, { properties: { a: { enum: [2, 3, 4] }, b: { type: "string" } }, required: ["b"] }] });
    expect(xs.every((x) => isObject(x) && [2, 3].includes(x.a as number) && typeof x.b === "string")).to.equal(true);
    expect(buildError({ allOf: [{ enum: [1, 2] }, { enum: [3] }] })?.name).to.equal("Unsatisfiable");
    expect(buildError({ allOf: [{ type: "string" }, { type: "integer" }] })?.name).to.equal("Unsatisfiable");
  });

  it("boolean schemas: true admits anything, false nothing, also as subschemas", function () {
    expect(validPayloads(true, "draft-06").length).to.be.greaterThan(0);
    expect(buildError(false, "draft-06")?.name).to.equal("Unsatisfiable");
    const xs = validPayloads({ type: "object", properties: { gone: false, any: true } }, "draft-07");
    expect(xs.every((x) => isObject(x) && !("gone" in x))).to.equal(true);
  });

  it("keywords beside $ref are ignored in draft-07 (values beyond them are drawn, which catches a validator that applies them) and hold in 2020-12", function () {
    const schema = { definitions: { n: { type: "integer" } }, $defs: { n: { type: "integer" } }, $ref: "#/definitions/n", maximum: 5 };
    const old = validPayloads(schema, "draft-07");
    expect(old.every((x) => Number.isInteger(x))).to.equal(true);
    expect(old.some((x) => (x as number) > 5)).to.equal(true);
    expect(validPayloads(schema, "2020-12").every((x) => Number.isInteger(x) && (x as number) <= 5)).to.equal(true);
  });

  it("$dynamicRef follows the dynamic scope: the outermost $dynamicAnchor wins", function () {
    const tree = { $id: "https://example.com/tree.json", $dynamicAnchor: "node", type: "object", properties: { data: true, children: { type: "array", items: { $dynamicRef: "#node" } } } };
    const strict: JsonObject = { $id: "https://example.com/strict-tree.json", $dynamicAnchor: "node", $ref: "tree.json", unevaluatedProperties: false };
    const xs = validPayloads(strict, "2020-12", 100, [{ uri: "https://example.com/tree.json", schema: tree }]);
    // Statically, children would be plain tree nodes (any extra key); dynamically they are strict nodes.
    const strictNode = (x: Json): boolean => isObject(x) && Object.keys(x).every((k) => k === "data" || k === "children") && (!Array.isArray(x.children) || x.children.every(strictNode));
    expect(xs.every(strictNode)).to.equal(true);
    expect(xs.some((x) => isObject(x) && Array.isArray(x.children) && x.children.length > 0)).to.equal(true);
  });

  it("$recursiveRef follows the outermost $recursiveAnchor (2019-09)", function () {
    const tree = { $id: "https://example.com/tree.json", $recursiveAnchor: true, type: "object", properties: { kids: { type: "array", items: { $recursiveRef: "#" } } } };
    const strict: JsonObject = { $id: "https://example.com/strict.json", $recursiveAnchor: true, $ref: "tree.json", required: ["name"], properties: { name: { type: "string" } } };
    const xs = validPayloads(strict, "2019-09", 100, [{ uri: "https://example.com/tree.json", schema: tree }]);
    const named = (x: Json): boolean => isObject(x) && typeof x.name === "string" && (!Array.isArray(x.kids) || x.kids.every(named));
    expect(xs.every(named)).to.equal(true);
    expect(xs.some((x) => isObject(x) && Array.isArray(x.kids) && x.kids.length > 0)).to.equal(true);
  });

  it("recursive schemas stop at the depth cap; schemas that need themselves without end are unsatisfiable", function () {
    validPayloads({ $defs: { node: { type: "object", properties: { next: { $ref: "#/$defs/node" } } } }, $ref: "#/$defs/node" });
    expect(buildError({ $defs: { node: { type: "object", required: ["next"], properties: { next: { $ref: "#/$defs/node" } } } }, $ref: "#/$defs/node" })?.name).to.equal("Unsatisfiable");
  });
});
