import fc, { type Arbitrary } from "fast-check";

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
  if (exact) made = { arbitrary: exact, exact: true };
  else {
    const relaxed = tryDrive(relax(source));
    if (relaxed) made = { arbitrary: relaxed, exact: false };
  }
  cache.set(source, made);
  return made ?? undefined;
}

/** Strings for a pattern, relaxed if need be (the caller tests the real pattern). */
export function relaxedPatternArbitrary(source: string, _minLength: number, _maxLength: number): Arbitrary<string> | undefined {
  return patternStrings(source)?.arbitrary;
}

function tryDrive(source: string): Arbitrary<string> | undefined {
  try {
    const arb = fc.stringMatching(new RegExp(source, "u"));
    fc.sample(arb, { numRuns: 3, seed: 0 });
    return arb;
  } catch {
    return undefined;
  }
}

/** The pattern without lookaround groups, word boundaries and backreferences. */
export function relax(source: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      if (next === "b" || next === "B" || /[1-9]/.test(next)) {
        i += 2;
        while (/[0-9]/.test(source[i] ?? "") && next !== "b" && next !== "B") i++;
        continue;
      }
      if (next === "k" && source[i + 2] === "<") {
        i = source.indexOf(">", i) + 1 || source.length;
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
