import { expect } from "chai";
import { canonicalJson } from "../../../src/canonical/json-equal.js";
import type { Json, JsonObject } from "../../../src/schema/json.js";
import { buildError, firstHundred, validPayloads } from "./helpers.js";

const arrays = (xs: unknown[]) => xs.filter((x): x is Json[] => Array.isArray(x));

describe("valid generation: array keywords", function () {
  this.timeout(60_000);

  it("prefixItems with items (2020-12): each position its schema, the rest another", function () {
    const xs = arrays(validPayloads({ type: "array", prefixItems: [{ type: "integer" }, { type: "string" }], items: { type: "boolean" }, minItems: 1 }));
    expect(xs.every((a) => Number.isInteger(a[0]))).to.equal(true);
    expect(xs.some((a) => a.length > 2 && typeof a[2] === "boolean")).to.equal(true);
    const closed = arrays(validPayloads({ type: "array", prefixItems: [{ const: 1 }], items: false }));
    expect(closed.every((a) => a.length <= 1)).to.equal(true);
  });

  it("items as an array and additionalItems (draft-04 to 2019-09), and items as one schema", function () {
    for (const dialect of ["draft-04", "draft-07", "2019-09"] as const) {
      const xs = arrays(validPayloads({ type: "array", items: [{ type: "null" }, { type: "number" }], additionalItems: { type: "string" } }, dialect));
      expect(xs.some((a) => a.length > 2 && typeof a[2] === "string"), dialect).to.equal(true);
      const none = arrays(validPayloads({ type: "array", items: [{}, {}], additionalItems: false }, dialect));
      expect(none.every((a) => a.length <= 2)).to.equal(true);
    }
    const same = arrays(validPayloads({ type: "array", items: { enum: ["a", "b"] } }, "draft-07"));
    expect(same.flat().every((x) => x === "a" || x === "b")).to.equal(true);
  });

  it("contains, minContains, maxContains: the matching count stays within the bounds, both ends reached", function () {
    const xs = arrays(validPayloads({ type: "array", contains: { type: "string" }, minContains: 2, maxContains: 3, items: { type: ["string", "integer"] } }));
    const count = (a: Json[]) => a.filter((x) => typeof x === "string").length;
    expect(xs.every((a) => count(a) >= 2 && count(a) <= 3)).to.equal(true);
    expect(xs.some((a) => count(a) === 3)).to.equal(true);
    expect(xs.some((a) => count(a) === 2)).to.equal(true);
    validPayloads({ type: "array", contains: { const: 1 }, minContains: 0, maxContains: 1 });
    validPayloads({ type: "array", allOf: [{ contains: { multipleOf: 2 } }, { contains: { multipleOf: 3 } }], items: { type: "integer" } });
    expect(buildError({ type: "array", contains: { const: 1 }, minContains: 3, maxContains: 1 })?.name).to.equal("Unsatisfiable");
  });

  it("uniqueItems compares items as JSON (key order ignored, 1 equals 1.0), and maxItems exactly appears", function () {
    const xs = arrays(validPayloads({ type: "array", uniqueItems: true, items: { type: "object", properties: { a: { enum: [1, 2] }, b: { enum: [1, 2] } } }, maxItems: 4 }));
    expect(xs.every((a) => new Set(a.map(canonicalJson)).size === a.length)).to.equal(true);
    const small = arrays(firstHundred({ type: "array", maxItems: 5 }));
    expect(small.some((a) => a.length === 5)).to.equal(true);
    const enumItems = arrays(validPayloads({ type: "array", uniqueItems: true, items: { enum: [1, 2, 3] }, minItems: 3 }));
    expect(enumItems.every((a) => a.length === 3)).to.equal(true);
  });

  it("unevaluatedItems: items evaluated by prefixItems of allOf are free, the others follow unevaluatedItems", function () {
    const xs = arrays(validPayloads({ allOf: [{ prefixItems: [{ type: "string" }] }], unevaluatedItems: { type: "integer" }, type: "array" } as JsonObject));
    expect(xs.every((a) => a.slice(1).every((x) => Number.isInteger(x)))).to.equal(true);
    expect(xs.some((a) => a.length > 1)).to.equal(true);
    validPayloads({ type: "array", items: [{ type: "string" }], unevaluatedItems: false }, "2019-09");
  });

  it("impossible lengths are unsatisfiable", function () {
    expect(buildError({ type: "array", minItems: 3, maxItems: 2 })?.name).to.equal("Unsatisfiable");
    expect(buildError({ type: "array", minItems: 1, items: false })?.name).to.equal("Unsatisfiable");
  });
});
