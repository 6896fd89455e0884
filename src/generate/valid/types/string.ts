import fc, { type Arbitrary } from "fast-check";
import { withinTimeLimit } from "../../../oracle/guard.js";
import { stringBounds, type StringBounds } from "../../../canonical/string-bounds.js";
import { keywordSites, NothingFound, Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import { isAssertedFormat } from "../../../oracle/format-policy.js";
import { boundedFilter, GenerationStuck, someOfSamplePasses } from "../bounded-filter.js";
import { annotatedFormatArbitrary, formatArbitrary, formatCheck } from "../formats/index.js";
import { codePointLength, textOfLength } from "../text.js";
import type { TypeGenerator } from "../type-generator.js";
import { patternStrings } from "./pattern.js";
import { lengthFittedPattern, noLengthFits } from "./pattern-length.js";
import { stableStringMatching } from "../../unicode-stable.js";
import { withEngineProbes } from "../../regex-engines.js";

/**
 * Strings: from the asserted format, else from the first pattern, else full-Unicode text of
 * a chosen length; every other bound is then checked locally, exactly as ajv checks it
 * (length in code points; `new RegExp(p, "u")`; ajv-formats' own format functions). When a
 * fixed-seed probe shows that source cannot feed its checks, other sources are tried (a
 * pattern with its repetition fitted to the lengths, capped lengths, the other patterns, all
 * patterns joined); when none can, NothingFound sets the string aside (a choice above takes
 * another branch) rather than a filter giving up at every draw.
 */
export const stringGenerator: TypeGenerator = {
  type: "string",
  build(canon, ctx) {
    const b = stringBounds(canon.members);
    if (b.minLength > b.maxLength) throw new Unsatisfiable(`minLength ${b.minLength} > maxLength ${b.maxLength} (${keywordSites(canon.members, "minLength", "maxLength", "format")})`);
    if (b.minLength > ctx.options.maxForcedSize) throw new GenerationStuck(`strings of at least ${b.minLength} code points`);
    const asserted = unique(b.formats.filter((f) => isAssertedFormat(f, ctx.oracle.formats)));
    const regexes = compilePatterns(b.patterns);
    const unfit = regexes.find((r) => noLengthFits(r.source, b.minLength, b.maxLength));
    if (unfit) throw new Unsatisfiable(`no string of pattern ${JSON.stringify(unfit.source)} has a length allowed by ${keywordSites(canon.members, "minLength", "maxLength")}`);
    const chosen = firstFeeding([() => [baseArbitrary(b, asserted, regexes, ctx.options.textSpread)], () => lengthCappedBases(regexes, b), () => otherBases(regexes)], b, regexes, asserted);
    if (!chosen) throw new NothingFound(`no string drawn met every constraint of ${keywordSites(canon.members, "pattern", "format", "minLength", "maxLength")}`);
    const arbitrary = chosen.accept ? boundedFilter(chosen.base.arbitrary, chosen.accept, "string constraints", ctx.options.filterBudget, ctx) : chosen.base.arbitrary;
    return { arbitrary: engineProbed(arbitrary, b, regexes, asserted) as Arbitrary<Json>, exact: true };
  },
};

/**
 * Under a pattern, now and then the drawn string with a character other regex engines read
 * differently put in (regex-engines.ts), kept only where every constraint still holds: the
 * valid side of the engine probes (the invalid side is the pattern mutator's).
 */
function engineProbed(arbitrary: Arbitrary<string>, b: StringBounds, regexes: RegExp[], asserted: string[]): Arbitrary<string> {
  if (regexes.length === 0) return arbitrary;
  const checks = asserted.map(formatCheck);
  return withEngineProbes(arbitrary, (s) => withinLengths(s, b) && regexes.every((r) => r.test(s)) && checks.every((c) => c(s)));
}

/** The first base (groups of them built only when reached) whose filter some probe values pass, with its filter. */
function firstFeeding(groups: Array<() => Base[]>, b: StringBounds, regexes: RegExp[], asserted: string[]): { base: Base; accept: ((s: string) => boolean) | undefined } | undefined {
  for (const group of groups) {
    for (const base of group()) {
      const accept = acceptance(base, b, regexes, asserted);
      if (accept === undefined || someAccepted(base.arbitrary, accept)) return { base, accept };
    }
  }
  return undefined;
}

/** The checks a base does not meet by construction, as one predicate; undefined when it meets them all. */
function acceptance(base: Base, b: StringBounds, regexes: RegExp[], asserted: string[]): ((s: string) => boolean) | undefined {
  const checks: Array<(s: string) => boolean> = [];
  if (!base.lengthsExact) checks.push((s) => withinLengths(s, b));
  regexes.forEach((r, i) => (i !== base.exactPattern ? checks.push((s) => r.test(s)) : undefined));
  asserted.forEach((f, i) => (i !== base.exactFormat ? checks.push(formatCheck(f)) : undefined));
  return checks.length === 0 ? undefined : (s) => checks.every((c) => c(s));
}

/** True when some of a fixed-seed sample (up to 200) pass: the base can feed its filter (the filter's budget is 2,000 misses in a row). */
function someAccepted(arb: Arbitrary<string>, accept: (s: string) => boolean): boolean {
  try {
    return someOfSamplePasses(arb, accept, 200, 1);
  } catch {
    return false;
  }
}

/**
 * Each pattern of one repeated atom with its count fitted to the lengths (pattern-length.ts), and
 * each pattern driven with maxLength passed down to fast-check (`^(hex hex)*$` with maxLength 8
 * otherwise drew strings that were nearly always too long): tried when the first source cannot
 * feed its filter.
 */
function lengthCappedBases(regexes: RegExp[], b: StringBounds): Base[] {
  if (b.maxLength === Infinity && b.minLength === 0) return [];
  const out: Base[] = [];
  regexes.forEach((r, i) => {
    const fitted = lengthFittedPattern(r.source, b.minLength, b.maxLength);
    const driven = fitted === undefined ? undefined : patternStrings(fitted);
    if (driven?.exact) out.push({ arbitrary: driven.arbitrary, lengthsExact: false, exactPattern: i, exactFormat: -1 });
    if (b.maxLength === Infinity) return;
    try {
      const arbitrary = stableStringMatching(r.source, { maxLength: b.maxLength });
      // fast-check filters to the length and never stops when no string of the pattern fits it.
      withinTimeLimit("drawing strings of a length-capped pattern", 250, () => fc.sample(arbitrary, { numRuns: 1, seed: 0 }));
      out.push({ arbitrary, lengthsExact: false, exactPattern: patternStrings(r.source)?.exact ? i : -1, exactFormat: -1 });
    } catch {
      // fast-check cannot drive this pattern (lookaround, backreferences), or no string of it fits: the other sources remain
    }
  });
  return out;
}

/**
 * Sources to fall back on when the first cannot feed its filter (each is probed in turn):
 * every other pattern driven exactly, then one string per pattern joined, the start-anchored
 * pattern's first and the end-anchored one's last — `^\./` and `\.json$` together need both
 * ends at once, which no single pattern's strings ever have.
 */
function otherBases(regexes: RegExp[]): Base[] {
  if (regexes.length < 2) return [];
  const out: Base[] = [];
  regexes.forEach((r, i) => {
    const d = patternStrings(r.source);
    if (d?.exact) out.push({ arbitrary: d.arbitrary, lengthsExact: false, exactPattern: i, exactFormat: -1 });
  });
  const rank = (r: RegExp) => (r.source.startsWith("^") ? 0 : /(^|[^\\])\$$/.test(r.source) ? 2 : 1);
  const parts = [...regexes].sort((x, y) => rank(x) - rank(y)).map((r) => patternStrings(r.source)?.arbitrary);
  if (parts.every((p) => p !== undefined)) {
    out.push({ arbitrary: fc.tuple(...(parts as Arbitrary<string>[])).map((xs) => xs.join("")), lengthsExact: false, exactPattern: -1, exactFormat: -1 });
  }
  return out;
}

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
function baseArbitrary(b: StringBounds, asserted: string[], regexes: RegExp[], textSpread: number): Base {
  const driven = regexes.map((r) => patternStrings(r.source));
  const exactIndex = driven.findIndex((d) => d?.exact === true);
  if (exactIndex >= 0) return { arbitrary: driven[exactIndex]!.arbitrary, lengthsExact: false, exactPattern: exactIndex, exactFormat: -1 };
  const formatIndex = asserted.findIndex((f) => formatArbitrary(f) !== undefined);
  if (formatIndex >= 0) return { arbitrary: formatArbitrary(asserted[formatIndex]!)!, lengthsExact: false, exactPattern: -1, exactFormat: formatIndex };
  const relaxed = driven.find((d) => d !== undefined);
  if (relaxed) return { arbitrary: relaxed.arbitrary, lengthsExact: false, exactPattern: -1, exactFormat: -1 };
  const text = textOfLength(b.minLength, b.maxLength, textSpread);
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
