import { expect } from "chai";
import { canonicalJson } from "../../../src/canonical/json-equal.js";
import type { Json } from "../../../src/schema/json.js";
import { atPath, invalidPayloads, withKeyword } from "./helpers.js";

const arrays = (ps: { instance: Json }[]) => ps.map((p) => p.instance).filter((v): v is Json[] => Array.isArray(v));

describe("invalid payloads: array keywords", function () {
  this.timeout(60_000);

  it("minItems and maxItems: one item short of and past the bound, and far past it", function () {
    const short = arrays(withKeyword(invalidPayloads({ type: "array", minItems: 2 }), "minItems"));
    expect(short.some((a) => a.length === 1)).to.equal(true);
    expect(short.some((a) => a.length === 0)).to.equal(true);
    const long = arrays(withKeyword(invalidPayloads({ type: "array", items: { type: "integer" }, maxItems: 2 }), "maxItems"));
    expect(long.some((a) => a.length === 3)).to.equal(true);
    expect(long.some((a) => a.length > 3)).to.equal(true);
  });

  it("uniqueItems: a duplicate equal as JSON but with its keys in another order", function () {
    const item = { type: "object", properties: { a: { type: "integer" }, b: { type: "integer" } }, required: ["a", "b"] };
    const ps = arrays(withKeyword(invalidPayloads({ type: "array", uniqueItems: true, items: item }), "uniqueItems"));
    const reordered = ps.some((a) => a.some((x, i) => a.some((y, j) => i !== j && canonicalJson(x) === canonicalJson(y) && JSON.stringify(x) !== JSON.stringify(y))));
    expect(reordered).to.equal(true);
  });

  it("contains, minContains, maxContains: too few and too many matching items", function () {
    const none = arrays(withKeyword(invalidPayloads({ type: "array", contains: { type: "string" } }), "contains"));
    expect(none.length).to.be.greaterThan(0);
    expect(none.every((a) => a.every((x) => typeof x !== "string"))).to.equal(true);
    const count = (a: Json[]) => a.filter((x) => x === 1).length;
    const few = arrays(withKeyword(invalidPayloads({ type: "array", contains: { const: 1 }, minContains: 2 }), "minContains"));
    expect(few.length).to.be.greaterThan(0);
    expect(few.every((a) => count(a) < 2)).to.equal(true);
    const many = arrays(withKeyword(invalidPayloads({ type: "array", items: { type: "integer" }, contains: { const: 1 }, maxContains: 1 }), "maxContains"));
    expect(many.length).to.be.greaterThan(0);
    expect(many.every((a) => count(a) > 1)).to.equal(true);
  });

  it("prefixItems and items (2020-12): a position broken in place or appended; items: false past the tuple", function () {
    const tuple = invalidPayloads({ type: "array", prefixItems: [{ type: "string" }, { type: "integer" }] });
    expect(atPath(tuple, "/prefixItems/0/type").length + atPath(tuple, "/prefixItems/1/type").length).to.be.greaterThan(0);
    const closed = withKeyword(invalidPayloads({ type: "array", prefixItems: [{ type: "boolean" }], items: false }), "items");
    expect(closed.length).to.be.greaterThan(0);
    expect(arrays(closed).every((a) => a.length > 1)).to.equal(true);
    expect(atPath(invalidPayloads({ type: "array", items: { type: "integer" } }), "/items/type").length).to.be.greaterThan(0);
  });

  it("items as a list and additionalItems (draft-07)", function () {
    const ps = invalidPayloads({ type: "array", items: [{ type: "string" }], additionalItems: false }, "draft-07");
    expect(withKeyword(ps, "additionalItems").length).to.be.greaterThan(0);
    expect(atPath(ps, "/items/0/type").length).to.be.greaterThan(0);
    const typed = invalidPayloads({ type: "array", items: [{}], additionalItems: { type: "integer" } }, "draft-07");
    expect(atPath(typed, "/additionalItems/type").length).to.be.greaterThan(0);
  });

  it("unevaluatedItems: an item past what prefixItems evaluates", function () {
    const ps = withKeyword(invalidPayloads({ type: "array", prefixItems: [{ type: "integer" }], unevaluatedItems: false }), "unevaluatedItems");
    expect(ps.length).to.be.greaterThan(0);
    expect(arrays(ps).every((a) => a.length > 1)).to.equal(true);
  });
});
