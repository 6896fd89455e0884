import { expect } from "chai";
import { codePointLength } from "../../../src/generate/valid/text.js";
import { buildError, firstHundred, validPayloads } from "./helpers.js";

const strings = (xs: unknown[]) => xs.filter((x): x is string => typeof x === "string");

describe("valid generation: string keywords", function () {
  this.timeout(60_000);

  it("minLength/maxLength count code points: astral characters count once; maxLength and minLength exactly appear", function () {
    const xs = strings(validPayloads({ type: "string", minLength: 2, maxLength: 5 }, "2020-12", 200));
    expect(xs.every((s) => codePointLength(s) >= 2 && codePointLength(s) <= 5)).to.equal(true);
    expect(xs.some((s) => s.length > codePointLength(s)), "some astral characters").to.equal(true);
    expect(xs.some((s) => codePointLength(s) === 5)).to.equal(true);
    expect(xs.some((s) => codePointLength(s) === 2)).to.equal(true);
  });

  it("maxLength exactly appears within 100 payloads", function () {
    const xs = strings(firstHundred({ type: "string", maxLength: 40 }));
    expect(xs.some((s) => codePointLength(s) === 40)).to.equal(true);
  });

  it("real text: astral, combining marks, other-script digits, NUL and a trailing newline within 200 payloads", function () {
    const xs = strings(validPayloads({ type: "string" }, "2020-12", 200)).slice(0, 1000);
    const seen = (re: RegExp) => xs.some((s) => re.test(s));
    expect(seen(/[\u{10000}-\u{10ffff}]/u), "astral").to.equal(true);
    expect(seen(/\p{M}/u), "combining mark").to.equal(true);
    expect(seen(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]/u), "other-script digit").to.equal(true);
    expect(seen(/\u0000/), "NUL").to.equal(true);
    expect(seen(/\n$/), "trailing newline").to.equal(true);
    expect(xs.every((s) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)), "no lone surrogate").to.equal(true);
  });

  it("pattern is ECMA-262 with the u flag; unanchored patterns get text around the match", function () {
    const xs = strings(validPayloads({ type: "string", pattern: "ab+c" }));
    expect(xs.every((s) => /ab+c/u.test(s))).to.equal(true);
    expect(xs.some((s) => !s.startsWith("a") || !s.endsWith("c")), "text around").to.equal(true);
    const letters = strings(validPayloads({ type: "string", pattern: "^\\p{Lu}\\p{Ll}+$" }));
    expect(letters.every((s) => /^\p{Lu}\p{Ll}+$/u.test(s))).to.equal(true);
  });

  it("patterns fast-check cannot drive (lookahead, backreference, \\b) are met through a relaxed copy and the real pattern", function () {
    for (const pattern of ["^(?!-)[a-z-]{1,8}$", "^(a|b)\\1$", "\\bword\\b", "^(?=.*\\d)[a-z0-9]{3,6}$"]) {
      const xs = strings(validPayloads({ type: "string", pattern }));
      expect(xs.length, pattern).to.be.greaterThan(0);
      expect(xs.every((s) => new RegExp(pattern, "u").test(s)), pattern).to.equal(true);
    }
  });

  it("several patterns, a pattern with length bounds, and a format with a pattern are met together", function () {
    validPayloads({ type: "string", allOf: [{ pattern: "^[a-f0-9]+$" }, { pattern: "[0-9]" }], maxLength: 8 });
    validPayloads({ type: "string", pattern: "^x", minLength: 3, maxLength: 6 });
    const urls = strings(validPayloads({ type: "string", format: "uri", pattern: "^https://example\\.(com|org)/" }, "draft-07"));
    expect(urls.every((s) => s.startsWith("https://example."))).to.equal(true);
  });

  it("contradictory length bounds are unsatisfiable", function () {
    expect(buildError({ type: "string", minLength: 4, maxLength: 3 })?.name).to.equal("Unsatisfiable");
  });
});
