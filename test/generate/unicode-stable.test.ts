import { expect } from "chai";
import fc from "fast-check";
import { hasRecentCodePoint, stableStringMatching, usesUnicodeProperties } from "../../src/generate/unicode-stable.js";
import { forEachSeed } from "../helpers/seeds.js";

describe("strings for patterns whose meaning depends on the Unicode version", () => {
  it("knows code points assigned since Unicode 15.0 (U+323B0, CJK extension J) from older ones", () => {
    expect(hasRecentCodePoint("abc\u{323b0}")).to.equal(true);
    expect(hasRecentCodePoint("\u{11f00}")).to.equal(true); // Kawi, 15.0
    expect(hasRecentCodePoint("abc\u{20000}\u00e9\u{1f600}")).to.equal(false);
    expect(usesUnicodeProperties("^\\p{Letter}+$")).to.equal(true);
    expect(usesUnicodeProperties("^[a-z]\\\\p$")).to.equal(false);
  });

  for (const source of ["^\\p{Letter}+$", "^\\p{L}\\P{L}?$", "[\\p{Lo}\\p{Nd}]{2,}", "^\\p{Script=Han}+$"]) {
    it(`${source}: every string matches and holds no recent code point (property, many seeds)`, () => {
      const re = new RegExp(source, "u");
      const strings = stableStringMatching(source);
      forEachSeed([9], (seed) =>
        fc.assert(
          fc.property(fc.integer(), (seed) => {
            for (const s of fc.sample(strings, { numRuns: 30, seed })) {
              expect(re.test(s), s).to.equal(true);
              expect(hasRecentCodePoint(s), s).to.equal(false);
            }
          }),
          { numRuns: 20, seed },
        ),
      );
    });
  }

  it("leaves patterns without Unicode properties alone, recent code points included", () => {
    const drawn = fc.sample(stableStringMatching("^[\\u{32000}-\\u{323ff}]{3}$"), { numRuns: 50, seed: 2 });
    expect(drawn.some(hasRecentCodePoint)).to.equal(true);
  });
});
