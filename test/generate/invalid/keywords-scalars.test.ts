import { expect } from "chai";
import { nextDown, nextUp } from "../../../src/generate/valid/types/float-steps.js";
import type { Json } from "../../../src/schema/json.js";
import fc from "fast-check";
import { isDecimalMultiple } from "../../../src/schema/decimal.js";
import { rawInvalidArbitrary } from "../../../src/generate/invalid/index.js";
import { inlineFixture } from "./fixtures.js";
import { invalidPayloads, SEEDS, withKeyword } from "./helpers.js";

const values = (ps: { instance: Json }[]) => ps.map((p) => p.instance);
const strings = (ps: { instance: Json }[]) => values(ps).filter((v): v is string => typeof v === "string");
const codePoints = (s: string) => [...s].length;

describe("invalid payloads: string and number keywords", function () {
  this.timeout(60_000);

  it("maxLength: exactly one code point past, far past, padded with non-ASCII and astral text", function () {
    const ps = strings(withKeyword(invalidPayloads({ type: "string", maxLength: 3 }), "maxLength"));
    expect(ps.some((s) => codePoints(s) === 4)).to.equal(true);
    expect(ps.some((s) => codePoints(s) > 4)).to.equal(true);
    expect(ps.some((s) => s.includes("é"))).to.equal(true);
    expect(ps.some((s) => s.includes("\u{1F600}") && codePoints(s) === 4)).to.equal(true);
  });

  it("minLength: one code point short, empty, and astral text long enough in UTF-16 units only", function () {
    const ps = strings(withKeyword(invalidPayloads({ type: "string", minLength: 3 }), "minLength"));
    expect(ps.some((s) => codePoints(s) === 2)).to.equal(true);
    expect(ps).to.include("");
    expect(ps.some((s) => codePoints(s) === 2 && s.length >= 3)).to.equal(true);
  });

  it("maximum and minimum: the smallest step past an inclusive bound (next double, next integer)", function () {
    expect(values(withKeyword(invalidPayloads({ type: "number", maximum: 10 }), "maximum"))).to.include(nextUp(10));
    expect(values(withKeyword(invalidPayloads({ type: "number", minimum: 0.5 }), "minimum"))).to.include(nextDown(0.5));
    const whole = values(withKeyword(invalidPayloads({ type: "integer", maximum: 10 }), "maximum"));
    expect(whole).to.include(11);
    expect(whole.every((v) => Number.isInteger(v))).to.equal(true);
  });

  it("exclusiveMaximum and exclusiveMinimum: exactly the bound; draft-04 boolean form too", function () {
    expect(values(withKeyword(invalidPayloads({ type: "number", exclusiveMaximum: 10 }), "exclusiveMaximum"))).to.include(10);
    expect(values(withKeyword(invalidPayloads({ type: "number", exclusiveMinimum: -2.5 }), "exclusiveMinimum"))).to.include(-2.5);
    const draft4 = withKeyword(invalidPayloads({ type: "number", maximum: 5, exclusiveMaximum: true }, "draft-04"), "exclusiveMaximum");
    expect(values(draft4)).to.include(5);
  });

  it("multipleOf: off the grid by a whole step for whole divisors, by half the divisor for fractions", function () {
    const whole = values(withKeyword(invalidPayloads({ type: "integer", multipleOf: 3 }), "multipleOf"));
    expect(whole.length).to.be.greaterThan(0);
    expect(whole.every((v) => typeof v === "number" && Number.isInteger(v) && v % 3 !== 0)).to.equal(true);
    expect(withKeyword(invalidPayloads({ type: "number", multipleOf: 0.25 }), "multipleOf").length).to.be.greaterThan(0);
  });

  it("multipleOf: the smallest positive number 5e-324 is drawn for numbers (a float check's quotient underflows to 0, which looks whole)", function () {
    for (const d of [0.25, 3]) expect(values(withKeyword(invalidPayloads({ type: "number", multipleOf: d }), "multipleOf")), `multipleOf ${d}`).to.include(Number.MIN_VALUE);
  });

  it("multipleOf on an integer with a fractional divisor: whole non-multiples only (0.3's whole multiples are 3's)", function () {
    const whole = values(withKeyword(invalidPayloads({ type: "integer", multipleOf: 0.3 }), "multipleOf"));
    expect(whole.length).to.be.greaterThan(0);
    expect(whole.every((v) => typeof v === "number" && Number.isInteger(v) && v % 3 !== 0)).to.equal(true);
  });

  it("multipleOf every whole number meets (0.5 on an integer) is unbreakable alone: no payload labelled multipleOf", function () {
    expect(withKeyword(invalidPayloads({ type: "integer", multipleOf: 0.5, minimum: 0 }), "multipleOf")).to.deep.equal([]);
  });

  it("multipleOf decides non-multiples in exact decimals before the oracle sees them: every raw payload of 0.01 is off the grid (0.57 / 0.01 is 56.99999999999999 in floats)", function () {
    const fixture = inlineFixture({ type: "number", multipleOf: 0.01, minimum: 0, maximum: 1 });
    const raw = rawInvalidArbitrary(fixture.target, fixture.ctx)!;
    const drawn = withKeyword(SEEDS.flatMap((seed) => fc.sample(raw, { numRuns: 100, seed })), "multipleOf").map((p) => p.instance as number);
    expect(drawn.length).to.be.greaterThan(20);
    expect(drawn.filter((v) => isDecimalMultiple(v, 0.01))).to.deep.equal([]);
  });

  it("pattern: strings next to valid ones that fail the regex, a trailing newline among them", function () {
    const ps = strings(withKeyword(invalidPayloads({ type: "string", pattern: "^[a-z]+$" }), "pattern"));
    expect(ps.every((s) => !/^[a-z]+$/u.test(s))).to.equal(true);
    expect(ps.some((s) => s.endsWith("\n") && /^[a-z]+$/u.test(s.slice(0, -1)))).to.equal(true);
  });

  it("format: near misses ajv-formats rejects (date, uuid, ipv4, email)", function () {
    for (const format of ["date", "uuid", "ipv4", "email"]) {
      const ps = strings(withKeyword(invalidPayloads({ type: "string", format }), "format"));
      expect(ps.length, format).to.be.greaterThan(0);
    }
    expect(strings(withKeyword(invalidPayloads({ type: "string", format: "date" }), "format"))).to.include("2021-02-29");
  });
});
