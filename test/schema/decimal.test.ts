import { expect } from "chai";
import fc from "fast-check";
import { isDecimalMultiple } from "../../src/schema/decimal.js";
import { forEachSeed } from "../helpers/seeds.js";

describe("decimal multipleOf (the truth ajv's float rule approximates)", () => {
  it("decides integers exactly (property)", () => {
    forEachSeed([3], (seed) =>
      fc.assert(
        fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 2, max: 1000 }), (a, b) => {
          expect(isDecimalMultiple(a * b, b)).to.equal(true);
          expect(isDecimalMultiple(a * b + 1, b)).to.equal(false);
        }),
        { numRuns: 300, seed },
      ),
    );
  });

  it("decides decimal fractions exactly where binary floating point cannot (property)", () => {
    forEachSeed([4], (seed) =>
      fc.assert(
        fc.property(fc.integer({ min: -99999, max: 99999 }), (k) => {
          const cents = Number((k / 100).toFixed(2));
          expect(isDecimalMultiple(cents, 0.01)).to.equal(true);
          expect(isDecimalMultiple(Number((k / 1000 + 0.0005).toFixed(4)), 0.001)).to.equal(false);
        }),
        { numRuns: 300, seed },
      ),
    );
  });

  it("knows the cases that fool floats", () => {
    expect(isDecimalMultiple(0.58, 0.01)).to.equal(true); // 0.58 / 0.01 = 57.99999999999999
    expect(isDecimalMultiple(0.3, 0.1)).to.equal(true);
    expect(isDecimalMultiple(1e21, 0.01)).to.equal(true); // ajv: parseInt(1e23) !== 1e23
    expect(isDecimalMultiple(0.0075, 0.0001)).to.equal(true);
    expect(isDecimalMultiple(0.005, 0.01)).to.equal(false);
  });
});
