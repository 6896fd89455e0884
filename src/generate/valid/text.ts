import fc, { type Arbitrary } from "fast-check";
import { chooseWeighted } from "./choice.js";
import { TextArbitrary, type TextAlphabet } from "./text-arbitrary.js";

/**
 * Characters where validators in different languages disagree: NUL, line ends,
 * combining marks, digits of other scripts, astral characters (one code point,
 * two UTF-16 units), BOM, line/paragraph separators, right-to-left text, case-folding traps.
 */
export const TRICKY_CHARS: readonly string[] = [
  "\u0000", "\n", "\r", "\t", "\u0301", "\u0308", "\u0663", "\u0967", "\u06f3", "\uff11", "\u{1d7d9}", "\u{1f600}",
  "\u{10ffff}", "\u{1f468}\u200d", "\ufeff", "\u2028", "\u2029", "\u05d0", "\u00e9", "\u00df", "\u0130", "\u212a",
  "\u00a0", " ", "\"", "\\", "/", "\u007f",
];

/** Printable ASCII, the bulk of readable text. */
const ascii: Arbitrary<string> = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));

/** Any Unicode scalar value (surrogate halves skipped: a lone one is not well-formed text). */
const anyScalar: Arbitrary<string> = fc
  .integer({ min: 0, max: 0x10ffff - 0x800 })
  .map((c) => String.fromCodePoint(c >= 0xd800 ? c + 0x800 : c));

/** One code point per unit (so string length in units = length in code points), mostly readable ASCII. */
export const codePointUnit: Arbitrary<string> = fc.oneof(
  { arbitrary: ascii, weight: 12 },
  { arbitrary: fc.constantFrom(...TRICKY_CHARS.filter((c) => [...c].length === 1)), weight: 2 },
  { arbitrary: anyScalar, weight: 2 },
);

const ALPHABET: TextAlphabet = {
  asciiWeight: 12,
  tricky: TRICKY_CHARS.filter((c) => [...c].length === 1),
  trickyWeight: 2,
  anyWeight: 2,
};

/** Code points free text may have beyond its minimum unless a size says otherwise (GenerateOptions.textSpread). */
export const TEXT_SPREAD = 24;

/** Text of min..max code points (max capped `spread` above min), short lengths favoured. */
export function freeText(min: number, max: number, spread = TEXT_SPREAD): Arbitrary<string> {
  return new TextArbitrary(min, Math.min(max, min + spread), ALPHABET);
}

function exactly(length: number): Arbitrary<string> {
  return new TextArbitrary(length, length, ALPHABET);
}

/**
 * Strings of a length within the bounds, the bounds themselves drawn often (maxLength exactly,
 * minLength exactly), and now and then text that ends in "\n" (where `$` and line-based
 * parsers disagree).
 */
export function textOfLength(min: number, max: number, spread = TEXT_SPREAD): Arbitrary<string> {
  const cap = Math.min(max, min + spread);
  const parts = [{ arbitrary: freeText(min, cap, spread), weight: 6 }];
  if (max !== Infinity && max > min) parts.push({ arbitrary: exactly(max), weight: 1 });
  if (min > 0) parts.push({ arbitrary: exactly(min), weight: 1 });
  if (cap >= 1) parts.push({ arbitrary: new TextArbitrary(Math.max(0, min - 1), cap - 1, ALPHABET).map((s) => s + "\n"), weight: 1 });
  return chooseWeighted(parts);
}

/** Length in code points, as JSON Schema counts it. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}
