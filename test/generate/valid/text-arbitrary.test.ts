import { expect } from "chai";
import fc from "fast-check";
import { GenContext, validArbitrary } from "../../../src/generate/valid/index.js";
import { payloadShape, sizeOptions, type PayloadSize } from "../../../src/generate/valid/options.js";
import { codePointLength, freeText, TEXT_SPREAD, TRICKY_CHARS } from "../../../src/generate/valid/text.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import { forEachSeed } from "../../helpers/seeds.js";
import { target as stringTarget } from "./helpers.js";

/** A lone surrogate half: never well-formed text. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Free-text lengths drawn for `{type: string}` at a size. */
function lengthsAt(size: PayloadSize, seed: number, runs: number): number[] {
  const target = stringTarget({ type: "string" });
  const ctx = new GenContext(target.registry, new Oracle(target.registry), payloadShape(size, undefined));
  return (fc.sample(validArbitrary(target, ctx), { seed, numRuns: runs }) as string[]).map(codePointLength);
}

describe("free text (TextArbitrary)", function () {
  it("short and long texts: code-point lengths within the bounds, well-formed, the same text for the same seed", function () {
    forEachSeed([1, 2, 3, 4], (seed) => {
      for (const [min, max] of [[0, 24], [3, 10], [0, 5000], [200, 260], [70, 70]] as const) {
        const arb = freeText(min, max, max);
        const texts = fc.sample(arb, { seed, numRuns: 60 });
        for (const t of texts) {
          expect(codePointLength(t), `length of a text in ${min}..${max}`).to.be.within(min, max);
          expect(LONE_SURROGATE.test(t), `lone surrogate in ${JSON.stringify(t.slice(0, 80))}`).to.equal(false);
        }
        expect(fc.sample(arb, { seed, numRuns: 60 })).to.deep.equal(texts);
      }
    });
  });

  it("long texts (drawn by the local generator) mix ASCII, the tricky characters and any scalar value, as short ones do", function () {
    const tricky = new Set(TRICKY_CHARS.filter((c) => [...c].length === 1));
    forEachSeed([5, 6], (seed) => {
      for (const [min, max] of [[0, 8], [1000, 1000]] as const) {
        const points = fc.sample(freeText(min, max, max), { seed, numRuns: min === 0 ? 4000 : 8 }).flatMap((t) => [...t]);
        const ascii = points.filter((p) => p >= " " && p <= "~" && !tricky.has(p)).length / points.length;
        const trickyShare = points.filter((p) => tricky.has(p)).length / points.length;
        const other = points.filter((p) => p.codePointAt(0)! > 0x7f && !tricky.has(p));
        // Weights 12 : 2 : 2 (text.ts), so about 3/4 ASCII and 1/8 tricky.
        expect(ascii, `ASCII share at ${min}..${max}`).to.be.within(0.65, 0.85);
        expect(trickyShare, `tricky share at ${min}..${max}`).to.be.within(0.07, 0.2);
        expect(other.some((p) => p.codePointAt(0)! > 0xffff), `astral characters at ${min}..${max}`).to.equal(true);
      }
    });
  });

  it("free text grows with the payload size: medium keeps its 24 code points, large and xlarge draw texts of hundreds and thousands", function () {
    expect(sizeOptions("medium").textSpread).to.equal(TEXT_SPREAD);
    forEachSeed([7, 8], (seed) => {
      expect(Math.max(...lengthsAt("medium", seed, 200))).to.be.at.most(TEXT_SPREAD);
      expect(Math.max(...lengthsAt("large", seed, 200))).to.be.within(250, sizeOptions("large").textSpread);
      expect(Math.max(...lengthsAt("xlarge", seed, 200))).to.be.within(2500, sizeOptions("xlarge").textSpread);
    });
  });

  it("maxLength still bounds free text at every size", function () {
    const target = stringTarget({ type: "string", minLength: 2, maxLength: 300 });
    forEachSeed([9], (seed) => {
      for (const size of ["medium", "xlarge"] as const) {
        const ctx = new GenContext(target.registry, new Oracle(target.registry), payloadShape(size, undefined));
        for (const s of fc.sample(validArbitrary(target, ctx), { seed, numRuns: 200 }) as string[]) expect(codePointLength(s), size).to.be.within(2, 300);
      }
    });
  });
});
