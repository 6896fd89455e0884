import { expect } from "chai";
import fc from "fast-check";
import { reduceJson } from "../../src/run/reduce.js";
import type { Json } from "../../src/schema/json.js";
import { forEachSeedAsync } from "../helpers/seeds.js";

const hasNonAscii = (v: unknown): boolean => /[^\x00-\x7f]/.test(JSON.stringify(v).replace(/\\u[0-9a-f]{4}/gi, ""));

describe("reduceJson (structural reduction of counterexamples)", () => {
  it("every result still satisfies the predicate and is no larger than the input (property)", async () => {
    await forEachSeedAsync([42], (seed) =>
      fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
          const json = value as Json;
          const keeps = async (v: Json) => JSON.stringify(v).includes("1") === JSON.stringify(json).includes("1");
          const out = await reduceJson(json, keeps, null, 300);
          expect(await keeps(out)).to.equal(true);
          expect(JSON.stringify(out).length).to.be.at.most(JSON.stringify(json).length);
        }),
        { numRuns: 200, seed },
      ),
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
    expect(out).to.deep.equal({ t: ["ü"] }); // keys shrink too, while the predicate holds
  });

  it("rounds numbers toward zero: a fraction that only has to stay past a bound becomes the nearest whole number", async () => {
    expect(await reduceJson(3.7, async (v) => typeof v === "number" && v > 1, null)).to.equal(3);
    expect(await reduceJson(-2.5, async (v) => typeof v === "number" && v < -1, null)).to.equal(-2);
  });

  it("copies \"__proto__\" keys as own data, never as a prototype", async () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "keep": 1}') as Json;
    const out = (await reduceJson(value, async (v) => Object.prototype.hasOwnProperty.call(v, "__proto__"), null)) as object;
    expect(Object.prototype.hasOwnProperty.call(out, "__proto__")).to.equal(true);
    expect(Object.getPrototypeOf(out)).to.equal(Object.prototype);
  });

  it("shrinks items that must stay alike together: two equal objects in different key order reduce to their shared minimum (property)", async () => {
    const sameUpToKeyOrder = (v: Json) => {
      if (!Array.isArray(v) || v.length !== 2) return false;
      const [a, b] = v as [Json, Json];
      const canon = (x: Json): string => (x !== null && typeof x === "object" && !Array.isArray(x) ? JSON.stringify(Object.keys(x).sort().map((k) => [k, canon(x[k]!)])) : JSON.stringify(x));
      return canon(a) === canon(b) && JSON.stringify(a) !== JSON.stringify(b);
    };
    await forEachSeedAsync([3], (seed) =>
      fc.assert(
        fc.asyncProperty(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { minKeys: 2, maxKeys: 6 }), async (obj) => {
          const keys = Object.keys(obj);
          fc.pre(keys.length >= 2);
          const reversed = Object.fromEntries([...keys].reverse().map((k) => [k, obj[k]]));
          // Integer-like keys ("0") come first in any order they are written in: such a pair may not differ in order at all.
          fc.pre(sameUpToKeyOrder([obj, reversed] as Json));
          const out = await reduceJson([obj, reversed] as Json, async (v) => sameUpToKeyOrder(v), null);
          expect(sameUpToKeyOrder(out)).to.equal(true);
          // Two keys are the least that can be in two orders, with each value cut to its minimum.
          expect(Object.keys((out as Json[])[0] as object)).to.have.length(2);
          expect(JSON.stringify(out).length).to.be.at.most(JSON.stringify([obj, reversed]).length);
        }),
        { numRuns: 100, seed },
      ),
    );
  });

  it("shortens keys without merging two into one, so a counterexample that hinges on one character in a key shows just that", async () => {
    const value = { "abc\u2028def": [], other: 1, "x\u2028": 2 };
    const out = await reduceJson(value as Json, async (v) => Object.keys(v as object).filter((k) => k.includes("\u2028")).length === 2, null);
    expect(Object.keys(out as object).sort()).to.have.length(2);
    expect(Object.keys(out as object).every((k) => k.includes("\u2028") && [...k].length <= 2)).to.equal(true);
  });
});
