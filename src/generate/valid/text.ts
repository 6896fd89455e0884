import fc, { type Arbitrary } from "fast-check";

/**
 * Characters where validators in different languages disagree: NUL, line ends,
 * a combining mark, digits of other scripts, astral characters (one code point,
 * two UTF-16 units), BOM, line/paragraph separators, right-to-left text.
 */
export const TRICKY_CHARS: readonly string[] = [
  "\u0000", "\n", "\r", "\t", "\u0301", "\u0663", "\u0967", "\uff11", "\u{1d7d9}", "\u{1f600}", "\u{10ffff}",
  "\ufeff", "\u2028", "\u2029", "\u05d0", "\u00e9", "\u00df", "\u0130", "\u212a", " ", "\"", "\\", "/",
];

/** One code point per unit (so string length in units = length in code points), mostly readable ASCII. */
export const codePointUnit: Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }), weight: 12 },
  { arbitrary: fc.constantFrom(...TRICKY_CHARS), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 2 },
);

/** Strings of exactly the chosen number of code points, boundary lengths drawn often. */
export function textOfLength(min: number, max: number): Arbitrary<string> {
  const cap = Math.min(max, min + 24);
  const lengths = fc.oneof(
    { arbitrary: fc.integer({ min, max: cap }), weight: 4 },
    { arbitrary: fc.constantFrom(min, max === Infinity ? cap : max), weight: 1 },
  );
  return lengths.chain((n) => fc.string({ unit: codePointUnit, minLength: n, maxLength: n }));
}

/** Length in code points, as JSON Schema counts it. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
