import fc, { type Arbitrary } from "fast-check";
import { stringBounds, type StringBounds } from "../../../canonical/string-bounds.js";
import { Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import { isAssertedFormat } from "../../../oracle/format-policy.js";
import { boundedFilter } from "../bounded-filter.js";
import { formatArbitrary } from "../formats/index.js";
import { codePointLength, textOfLength } from "../text.js";
import type { TypeGenerator } from "../type-generator.js";

/**
 * Strings: from the asserted format, else from the first pattern, else full-Unicode text of
 * a chosen length; every other length bound and pattern is checked locally, exactly as ajv
 * does (code points; `new RegExp(p, "u")`).
 */
export const stringGenerator: TypeGenerator = {
  type: "string",
  build(canon, ctx) {
    const b = stringBounds(canon.members);
    if (b.minLength > b.maxLength) throw new Unsatisfiable(`minLength ${b.minLength} > maxLength ${b.maxLength}`);
    const asserted = b.formats.filter((f) => isAssertedFormat(f, ctx.oracle.formats));
    const regexes = compilePatterns(b.patterns);
    const base = baseArbitrary(b, asserted, regexes);
    const fromPattern = asserted.length === 0 && regexes.length > 0 && base.fromPattern;
    const rest = fromPattern ? regexes.slice(1) : regexes;
    const lengthsFree = !fromPattern && asserted.length === 0;
    const accept = (s: string) => (lengthsFree || withinLengths(s, b)) && rest.every((r) => r.test(s));
    const needsFilter = !lengthsFree || rest.length > 0;
    const arbitrary = needsFilter ? boundedFilter(base.arbitrary, accept, "string constraints", ctx.options.filterBudget) : base.arbitrary;
    return { arbitrary: arbitrary as Arbitrary<Json>, exact: asserted.length <= 1 };
  },
};

function withinLengths(s: string, b: StringBounds): boolean {
  const n = codePointLength(s);
  return n >= b.minLength && n <= b.maxLength;
}

function compilePatterns(patterns: string[]): RegExp[] {
  return patterns.map((p) => {
    try {
      return new RegExp(p, "u");
    } catch {
      throw new Unsatisfiable(`pattern ${JSON.stringify(p)} is not an ECMA-262 regular expression under the u flag`);
    }
  });
}

function baseArbitrary(b: StringBounds, asserted: string[], regexes: RegExp[]): { arbitrary: Arbitrary<string>; fromPattern: boolean } {
  const format = asserted.map(formatArbitrary).find((a) => a !== undefined);
  if (format) return { arbitrary: format, fromPattern: false };
  if (regexes.length > 0) {
    const matching = patternArbitrary(regexes[0]!, b);
    if (matching) return { arbitrary: matching, fromPattern: true };
  }
  return { arbitrary: textOfLength(b.minLength, b.maxLength), fromPattern: false };
}

/** fast-check's regex-driven strings, kept to the length bounds; undefined for syntax it cannot drive (lookaround, backreferences). */
function patternArbitrary(regex: RegExp, b: StringBounds): Arbitrary<string> | undefined {
  try {
    const arb = fc.stringMatching(regex, b.maxLength < Infinity ? { maxLength: b.maxLength } : {});
    fc.sample(arb, { numRuns: 1, seed: 0 });
    return arb;
  } catch {
    return undefined;
  }
}
