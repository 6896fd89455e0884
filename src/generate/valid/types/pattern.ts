import fc, { type Arbitrary } from "fast-check";
import { stableStringMatching } from "../../unicode-stable.js";

/**
 * Strings for `pattern`, an ECMA-262 regex under the u flag (as ajv compiles it).
 * fast-check's stringMatching drives most patterns, with text around unanchored ones; it
 * cannot drive lookaround, `\b` or backreferences, so those are dropped from a relaxed copy
 * that drives generation, and the real pattern filters the result.
 */
export interface PatternStrings {
  arbitrary: Arbitrary<string>;
  /** False when the arbitrary came from a relaxed copy: the caller must test the real pattern. */
  exact: boolean;
}

const cache = new Map<string, PatternStrings | null>();

export function patternStrings(source: string): PatternStrings | undefined {
  if (cache.has(source)) return cache.get(source) ?? undefined;
  let made: PatternStrings | null = null;
  const exact = tryDrive(source);
  if (exact) made = { arbitrary: exact, exact: !hasInnerAnchor(source) };
  else {
    const relaxed = tryDrive(relax(source));
    if (relaxed) made = { arbitrary: relaxed, exact: false };
  }
  cache.set(source, made);
  return made ?? undefined;
}

/**
 * True when `^` or `$` stands anywhere but at the very start or end (outside classes and
 * escapes): fast-check reads such an anchor as matching nothing in particular, so
 * `^(a($|/))+$` drove "a.a" (github-sample); the real pattern must then filter.
 */
export function hasInnerAnchor(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if ((c === "^" && i > 0) || (c === "$" && i < source.length - 1)) return true;
  }
  return false;
}

/** Strings for a pattern, relaxed if need be (the caller tests the real pattern). */
export function relaxedPatternArbitrary(source: string, _minLength: number, _maxLength: number): Arbitrary<string> | undefined {
  return patternStrings(source)?.arbitrary;
}

function tryDrive(source: string): Arbitrary<string> | undefined {
  try {
    const arb = stableStringMatching(source);
    fc.sample(arb, { numRuns: 3, seed: 0 });
    return arb;
  } catch {
    return undefined;
  }
}

/**
 * The pattern without lookaround groups and word boundaries, with each backreference replaced
 * by a copy of the group it names (the copy may match other text; the real pattern decides).
 */
export function relax(source: string): string {
  const groups = capturingGroups(source);
  let out = "";
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      if (next === "b" || next === "B") {
        i += 2;
        continue;
      }
      const numbered = /^[1-9][0-9]*/.exec(source.slice(i + 1));
      const named = /^k<([^>]+)>/.exec(source.slice(i + 1));
      if (numbered || named) {
        const group = numbered ? groups.byIndex[Number(numbered[0]) - 1] : groups.byName.get(named![1]!);
        out += group !== undefined ? `(?:${relax(group)})` : "";
        i += 1 + (numbered ? numbered[0].length : named![0].length);
        continue;
      }
      out += c + next;
      i += 2;
      continue;
    }
    if (c === "[") {
      const end = classEnd(source, i);
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (c === "(" && /^\(\?(?:=|!|<=|<!)/.test(source.slice(i))) {
      i = groupEnd(source, i);
      if (source[i] === "?" || source[i] === "*" || source[i] === "+") i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** The inner source of each capturing group, by number and by name. */
function capturingGroups(source: string): { byIndex: string[]; byName: Map<string, string> } {
  const byIndex: string[] = [];
  const byName = new Map<string, string>();
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") i++;
    else if (c === "[") i = classEnd(source, i) - 1;
    else if (c === "(") {
      const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
      if (source[i + 1] === "?" && !named) continue;
      const start = named ? i + named[0].length : i + 1;
      const inner = source.slice(start, groupEnd(source, i) - 1);
      byIndex.push(inner);
      if (named) byName.set(named[1]!, inner);
    }
  }
  return { byIndex, byName };
}

/** Index just past the character class opening at `start`. */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
  return Math.min(i + 1, source.length);
}

/** Index just past the group opening at `start`, minding escapes and classes. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\\") i += 2;
    else if (c === "[") i = classEnd(source, i);
    else {
      if (c === "(") depth++;
      if (c === ")" && --depth === 0) return i + 1;
      i++;
    }
  }
  return source.length;
}
