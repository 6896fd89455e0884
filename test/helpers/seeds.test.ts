import { expect } from "chai";
import { forEachSeed, FRESH_SEED, freshSeed, seedNote, testSeeds, withSeed } from "./seeds.js";

describe("test seeds (test/helpers/seeds.ts): the fixed ones plus one fresh seed per run", () => {
  it("the fresh seed is CONFORM_TEST_SEED when set, so a failure replays; else a random 31-bit integer", () => {
    expect(freshSeed("123456")).to.equal(123456);
    expect(freshSeed(" -7 ")).to.equal(-7);
    expect(() => freshSeed("abc")).to.throw(/CONFORM_TEST_SEED must be an integer/);
    const drawn = new Set(Array.from({ length: 20 }, () => freshSeed(undefined)));
    expect(drawn.size).to.be.greaterThan(1);
    for (const s of drawn) expect(Number.isSafeInteger(s) && s > 0 && s < 2 ** 31).to.equal(true);
    if (process.env.CONFORM_TEST_SEED) expect(FRESH_SEED).to.equal(Number(process.env.CONFORM_TEST_SEED));
  });

  it("appends the fresh seed to the fixed ones, once", () => {
    expect(testSeeds([1, 2])).to.deep.equal([1, 2, FRESH_SEED]);
    expect(testSeeds([FRESH_SEED])).to.deep.equal([FRESH_SEED]);
  });

  it("a failure on the fresh seed names it and the command that replays it, sync and async", async () => {
    expect(() => withSeed(FRESH_SEED, () => expect(1).to.equal(2))).to.throw(`fresh seed ${FRESH_SEED} (replay: CONFORM_TEST_SEED=${FRESH_SEED} npm test): expected 1 to equal 2`);
    const rejected = await withSeed(FRESH_SEED, async () => Promise.reject(new Error("boom"))).then(() => "passed", (e: Error) => e.message);
    expect(rejected).to.equal(`${seedNote(FRESH_SEED)}: boom`);
    const fixed = FRESH_SEED === 5 ? 6 : 5;
    expect(() => forEachSeed([fixed], (seed) => expect(seed).to.equal(-1))).to.throw(new RegExp(`^seed ${fixed}: `));
  });
});
