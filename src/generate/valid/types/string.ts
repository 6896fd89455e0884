import type { Arbitrary } from "fast-check";
import { stringBounds, type StringBounds } from "../../../canonical/string-bounds.js";
import { keywordSites, Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import { isAssertedFormat } from "../../../oracle/format-policy.js";
import { boundedFilter, GenerationStuck } from "../bounded-filter.js";
import { annotatedFormatArbitrary, formatArbitrary, formatCheck } from "../formats/index.js";
import { codePointLength, textOfLength } from "../text.js";
import type { TypeGenerator } from "../type-generator.js";
import { patternStrings } from "./pattern.js";

/**
 * Strings: from the asserted format, else from the first pattern, else full-Unicode text of
 * a chosen length; every other bound is then checked locally, exactly as ajv checks it
 * (length in code points; `new RegExp(p, "u")`; ajv-formats' own format functions).
 */
export const stringGenerator: TypeGenerator = {
  type: "string",
  build(canon, ctx) {
    const b = stringBounds(canon.members);
    if (b.minLength > b.maxLength) throw new Unsatisfiable(`minLength ${b.minLength} > maxLength ${b.maxLength} (${keywordSites(canon.members, "minLength", "maxLength", "format")})`);
    if (b.minLength > ctx.options.maxForcedSize) throw new GenerationStuck(`strings of at least ${b.minLength} code points`);
    const asserted = unique(b.formats.filter((f) => isAssertedFormat(f, ctx.oracle.formats)));
    const regexes = compilePatterns(b.patterns);
    const base = baseArbitrary(b, asserted, regexes);
    const checks: Array<(s: string) => boolean> = [];
    if (!base.lengthsExact) checks.push((s) => withinLengths(s, b));
    regexes.forEach((r, i) => (i !== base.exactPattern ? checks.push((s) => r.test(s)) : undefined));
    asserted.forEach((f, i) => (i !== base.exactFormat ? checks.push(formatCheck(f)) : undefined));
    const accept = (s: string) => checks.every((c) => c(s));
    const arbitrary = checks.length > 0 ? boundedFilter(base.arbitrary, accept, "string constraints", ctx.options.filterBudget, ctx) : base.arbitrary;
    return { arbitrary: arbitrary as Arbitrary<Json>, exact: true };
  },
};

interface Base {
  arbitrary: Arbitrary<string>;
  lengthsExact: boolean;
  /** Index of the pattern / asserted format the base satisfies by construction, or -1. */
  exactPattern: number;
  exactFormat: number;
}

/**
 * The source strings are drawn from: a pattern fast-check can drive exactly (patterns are the
 * most specific constraint), else an asserted format, else a relaxed pattern, else text of a
 * length within the bounds (an annotation-only format mixes in its own generator).
 */
function baseArbitrary(b: StringBounds, asserted: string[], regexes: RegExp[]): Base {
  const driven = regexes.map((r) => patternStrings(r.source));
  const exactIndex = driven.findIndex((d) => d?.exact === true);
  if (exactIndex >= 0) return { arbitrary: driven[exactIndex]!.arbitrary, lengthsExact: false, exactPattern: exactIndex, exactFormat: -1 };
  const formatIndex = asserted.findIndex((f) => formatArbitrary(f) !== undefined);
  if (formatIndex >= 0) return { arbitrary: formatArbitrary(asserted[formatIndex]!)!, lengthsExact: false, exactPattern: -1, exactFormat: formatIndex };
  const relaxed = driven.find((d) => d !== undefined);
  if (relaxed) return { arbitrary: relaxed.arbitrary, lengthsExact: false, exactPattern: -1, exactFormat: -1 };
  const text = textOfLength(b.minLength, b.maxLength);
  const annotated = b.formats.find((f) => formatArbitrary(f) !== undefined);
  if (annotated !== undefined && regexes.length === 0) return { arbitrary: annotatedFormatArbitrary(annotated, text), lengthsExact: false, exactPattern: -1, exactFormat: -1 };
  return { arbitrary: text, lengthsExact: true, exactPattern: -1, exactFormat: -1 };
}

function withinLengths(s: string, b: StringBounds): boolean {
  if (b.minLength === 0 && b.maxLength === Infinity) return true;
  const n = codePointLength(s);
  return n >= b.minLength && n <= b.maxLength;
}

function compilePatterns(patterns: string[]): RegExp[] {
  return unique(patterns).map((p) => {
    try {
      return new RegExp(p, "u");
    } catch {
      throw new Unsatisfiable(`pattern ${JSON.stringify(p)} is not an ECMA-262 regular expression under the u flag`, false);
    }
  });
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
