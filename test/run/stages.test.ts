import { expect } from "chai";
import fc from "fast-check";
import { isDecimalMultiple } from "../../src/schema/decimal.js";
import { InvalidStats } from "../../src/generate/invalid/index.js";
import { invalidSource } from "../../src/run/stages.js";
import { inlineFixture } from "../generate/invalid/fixtures.js";
import { forEachSeed } from "../helpers/seeds.js";

describe("run stages: the invalid source holds multipleOf breaks to decimal truth", function () {
  this.timeout(60_000);

  it("keeps decimal non-multiples the float rule calls multiples: 5e-324 / 3 underflows to 0, yet 5e-324 is off the grid", function () {
    const fixture = inlineFixture({ type: "number", multipleOf: 3 });
    const arb = invalidSource()(fixture.target, fixture.ctx, new InvalidStats())!;
    const drawn: number[] = [];
    forEachSeed([1, 42, 1337], (seed) => {
      const values = fc.sample(arb, { numRuns: 60, seed }).filter((p) => p.label.keyword === "multipleOf").map((p) => p.instance as number);
      expect(values.filter((v) => isDecimalMultiple(v, 3))).to.deep.equal([]);
      drawn.push(...values);
    });
    expect(drawn).to.include(Number.MIN_VALUE);
  });

  it("drops a payload labelled multipleOf whose value is a multiple in decimal (0.58 of 0.01) though floats say otherwise", function () {
    const fixture = inlineFixture({ type: "number", multipleOf: 0.01, minimum: 0.5, maximum: 0.6 });
    const arb = invalidSource()(fixture.target, fixture.ctx, new InvalidStats())!;
    const values = fc.sample(arb, { numRuns: 200, seed: 5 }).filter((p) => p.label.keyword === "multipleOf").map((p) => p.instance as number);
    expect(values.length).to.be.greaterThan(0);
    expect(values.filter((v) => isDecimalMultiple(v, 0.01))).to.deep.equal([]);
  });
});
