import { expect } from "chai";
import fc from "fast-check";
import { reduceJson } from "../../src/run/reduce.js";
import type { Json } from "../../src/schema/json.js";

const hasNonAscii = (v: unknown): boolean => /[^\x00-\x7f]/.test(JSON.stringify(v).replace(/\\u[0-9a-f]{4}/gi, ""));

describe("reduceJson (structural reduction of counterexamples)", () => {
  it("every result still satisfies the predicate and is no larger than the input (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        const json = value as Json;
        const keeps = async (v: Json) => JSON.stringify(v).includes("1") === JSON.stringify(json).includes("1");
        const out = await reduceJson(json, keeps, null, 300);
        expect(await keeps(out)).to.equal(true);
        expect(JSON.stringify(out).length).to.be.at.most(JSON.stringify(json).length);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it("keeps the protected site and its ancestors", async () => {
    const value = { a: [1, 2, { b: "xyz" }], c: "long string here" };
    const out = await reduceJson(value, async () => true, "/a/2/b");
    expect(out).to.deep.equal({ a: [0, 0, { b: "x" }] });
  });

  it("reduces a payload to the part that matters", async () => {
    const value = { name: "plain", tags: ["a", "b", "ümlaut", "c"], nested: { deep: [1, 2, 3] } };
    const out = await reduceJson(value, async (v) => hasNonAscii(v), null);
    expect(out).to.deep.equal({ tags: ["ü"] });
  });

  it("copies \"__proto__\" keys as own data, never as a prototype", async () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "keep": 1}') as Json;
    const out = (await reduceJson(value, async (v) => Object.prototype.hasOwnProperty.call(v, "__proto__"), null)) as object;
    expect(Object.prototype.hasOwnProperty.call(out, "__proto__")).to.equal(true);
    expect(Object.getPrototypeOf(out)).to.equal(Object.prototype);
  });
});
