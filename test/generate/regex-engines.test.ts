import { expect } from "chai";
import fc from "fast-check";
import { ENGINE_SENSITIVE_CHARACTERS, engineProbes } from "../../src/generate/regex-engines.js";
import type { Json } from "../../src/schema/json.js";
import { invalidPayloads, withKeyword } from "./invalid/helpers.js";
import { validPayloads } from "./valid/helpers.js";
import { testSeeds } from "../helpers/seeds.js";

const strings = (xs: Json[]) => xs.filter((x): x is string => typeof x === "string");
const holding = (xs: string[], chars: string[]) => chars.filter((c) => xs.some((s) => s.includes(c)));

describe("regex engine probes (ECMA-262 against Python re, PCRE, RE2, .NET, no u flag)", function () {
  this.timeout(120_000);

  it("engineProbes keeps only what its check accepts, at most one string per sensitive character, each holding its character", function () {
    for (const seed of testSeeds([1, 42, 2024])) {
      fc.assert(
        fc.property(fc.string({ unit: "grapheme", maxLength: 12 }), fc.constantFrom("^[a-z]*$", "^.*$", "\\S", "^\\D*$", "^[^\\n]*$"), (s, pattern) => {
          const regex = new RegExp(pattern, "u");
          for (const keep of [(x: string) => regex.test(x), (x: string) => !regex.test(x)]) {
            const probes = engineProbes(s, keep);
            expect(probes.every(keep)).to.equal(true);
            expect(probes.length).to.be.at.most(ENGINE_SENSITIVE_CHARACTERS.length);
            expect(probes.every((p) => ENGINE_SENSITIVE_CHARACTERS.some(({ char }) => p.includes(char) && !s.includes(char)) || p !== s)).to.equal(true);
          }
        }),
        { seed, numRuns: 200 },
      );
    }
  });

  it("invalid side: pattern breaks include a final newline ($ in Python re) and line separators (. in Python re and RE2)", function () {
    const xs = strings(withKeyword(invalidPayloads({ type: "string", pattern: "^[a-z0-9-]+$" }), "pattern").map((p) => p.instance));
    expect(xs.some((s) => s.endsWith("\n") && /^[a-z0-9-]+$/u.test(s.slice(0, -1))), "a match but for a final newline").to.equal(true);
    const dotted = strings(withKeyword(invalidPayloads({ type: "string", pattern: "^.+$" }), "pattern").map((p) => p.instance));
    expect(holding(dotted, ["\r", "\u2028", "\u2029"]).length, "line terminators only ECMA-262's . excludes").to.be.at.least(2);
  });

  it("invalid side: a key that misses a patternProperties regex in ECMA-262 and matches it in Python re falls to additionalProperties: false", function () {
    const schema = { type: "object", patternProperties: { "^[a-z]+$": { type: "integer" } }, additionalProperties: false };
    const objects = withKeyword(invalidPayloads(schema), "additionalProperties").map((p) => Object.keys(p.instance as object));
    expect(objects.every((keys) => keys.some((k) => !/^[a-z]+$/u.test(k))), "each payload has a key the pattern does not match").to.equal(true);
    const keys = objects.flat();
    expect(keys.some((k) => k.endsWith("\n") && /^[a-z]+$/u.test(k.slice(0, -1))), "a key matching but for a final newline").to.equal(true);
  });

  it("valid side: strings ECMA-262 accepts that Unicode-aware engines read as whitespace or digits (\\S, \\D), all valid under ajv", function () {
    const nonSpace = strings(validPayloads({ type: "string", pattern: "^\\S+$" }, "2020-12", 100));
    expect(holding(nonSpace, ["\u0085", "\u001c"]).length, "\\u0085 or \\u001c under \\S (whitespace to Python)").to.be.at.least(1);
    const nonDigit = strings(validPayloads({ type: "string", pattern: "^\\D+$" }, "2020-12", 100));
    expect(holding(nonDigit, ["\u0663", "\uff11"]).length, "a digit of another script under \\D (a digit to Python)").to.be.at.least(1);
  });

  it("valid side: patternProperties keys with a sensitive character the regex still matches", function () {
    const schema = { type: "object", patternProperties: { "^\\S+$": { type: "null" } }, additionalProperties: false, minProperties: 1 };
    const keys = validPayloads(schema, "2020-12", 100).flatMap((o) => Object.keys(o as object));
    expect(keys.every((k) => /^\S+$/u.test(k))).to.equal(true);
    expect(holding(keys, ["\u0085", "\u001c", "\u0663", "\u00e9", "\u{1f600}"]).length).to.be.at.least(1);
  });
});
