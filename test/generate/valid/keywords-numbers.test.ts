import { expect } from "chai";
import { oracleMultipleOf } from "../../../src/canonical/numeric-bounds.js";
import { nextDown, nextUp } from "../../../src/generate/valid/types/float-steps.js";
import { buildError, firstHundred, validPayloads } from "./helpers.js";

const numbers = (xs: unknown[]) => xs.filter((x): x is number => typeof x === "number");

describe("valid generation: numeric keywords", function () {
  this.timeout(60_000);

  for (const d of [0.1, 0.25, 0.01, 0.3, 1.5, 7, 1e-8]) {
    it(`multipleOf ${d}: every value is a multiple in decimal arithmetic (the oracle's rule), fractions included`, function () {
      const xs = numbers(validPayloads({ type: "number", multipleOf: d, minimum: -1000, maximum: 1000 }));
      expect(xs.every((x) => oracleMultipleOf(x, d))).to.equal(true);
      if (!Number.isInteger(d)) expect(xs.some((x) => !Number.isInteger(x)), "some fractions").to.equal(true);
    });
  }

  it("multipleOf 0.01 yields the hundredths, 0.07 included (a multiple in decimal, though 0.07 / 0.01 is 7.000000000000001)", function () {
    const xs = numbers(validPayloads({ type: "number", multipleOf: 0.01, minimum: 0.05, maximum: 0.09 }, "2020-12", 200));
    expect(xs.every((x) => oracleMultipleOf(x, 0.01))).to.equal(true);
    expect(xs.every((x) => x >= 0.05 && x <= 0.09)).to.equal(true);
    expect(new Set(xs).size).to.be.greaterThan(2);
  });

  it("several multipleOf (allOf) are met together: 0.1 and 0.25 give multiples of 0.5", function () {
    const xs = numbers(validPayloads({ allOf: [{ multipleOf: 0.1 }, { multipleOf: 0.25 }], type: "number", maximum: 100, minimum: -100 }));
    expect(xs.every((x) => Number.isInteger(x * 2))).to.equal(true);
  });

  it("integers with a fractional multipleOf (0.123456789 is the suite's overflow trap)", function () {
    const xs = numbers(validPayloads({ type: "integer", multipleOf: 0.123456789 }, "draft-07"));
    expect(xs.every(Number.isInteger)).to.equal(true);
  });

  it("draft-04 boolean exclusiveMinimum/exclusiveMaximum: the bounds are excluded, the next doubles inside appear", function () {
    const xs = numbers(validPayloads({ type: "number", minimum: 1.5, exclusiveMinimum: true, maximum: 2.5, exclusiveMaximum: true }, "draft-04"));
    expect(xs.every((x) => x > 1.5 && x < 2.5)).to.equal(true);
    expect(xs).to.include(nextUp(1.5));
    expect(xs).to.include(nextDown(2.5));
  });

  it("draft-06+ numeric exclusiveMinimum/exclusiveMaximum, and minimum/maximum themselves", function () {
    const xs = numbers(validPayloads({ type: "number", exclusiveMinimum: 0, exclusiveMaximum: 10 }, "draft-06"));
    expect(xs.every((x) => x > 0 && x < 10)).to.equal(true);
    expect(xs).to.include(nextDown(10));
    const ys = numbers(firstHundred({ type: "number", minimum: -3, maximum: 3 }));
    expect(ys).to.include(-3);
    expect(ys).to.include(3);
  });

  it("allOf merges bounds: the tightest minimum and maximum hold", function () {
    const xs = numbers(validPayloads({ allOf: [{ minimum: 3 }, { maximum: 10 }, { minimum: 5, type: "integer" }, { exclusiveMaximum: 9 }] }));
    expect(xs.every((x) => Number.isInteger(x) && x >= 5 && x < 9)).to.equal(true);
    expect(new Set(xs)).to.deep.equal(new Set([5, 6, 7, 8]));
  });

  it("width probes show up when the bounds allow them: 2^31, 2^32, 2^53, numbers ≥ 1e21", function () {
    const xs = numbers(validPayloads({ type: "integer" }, "2020-12", 200));
    for (const probe of [2 ** 31, 2 ** 32, 2 ** 53]) expect(xs.some((x) => Math.abs(x - probe) <= 1), String(probe)).to.equal(true);
    expect(xs.some((x) => x >= 1e21)).to.equal(true);
  });

  it("empty numeric ranges are unsatisfiable; other types still come out", function () {
    expect(buildError({ type: "integer", minimum: 5, maximum: 4 })?.name).to.equal("Unsatisfiable");
    expect(buildError({ type: "number", exclusiveMinimum: 1, exclusiveMaximum: 1 })?.name).to.equal("Unsatisfiable");
    expect(buildError({ type: "integer", minimum: 0.2, maximum: 0.8 })?.name).to.equal("Unsatisfiable");
    const xs = validPayloads({ minimum: 5, maximum: 4 });
    expect(xs.every((x) => typeof x !== "number")).to.equal(true);
  });
});
