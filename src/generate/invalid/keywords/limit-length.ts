import fc from "fast-check";
import { breaking, schemaOf, type Mutator } from "../mutator.js";

/** One code point of each kind: ASCII, a BMP letter outside ASCII, an astral one (two UTF-16 units). */
const FILLERS = ["a", "é", "\u{1F600}"] as const;

function limit(schema: Record<string, unknown>, keyword: string): number | undefined {
  const v = schema[keyword];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function codePoints(s: string): string[] {
  return [...s];
}

/** `s` lengthened to `n` code points by repeating its own last character, or a filler. */
function lengthen(s: string, n: number, filler: string | undefined): string {
  const points = codePoints(s);
  const pad = filler ?? points[points.length - 1] ?? "a";
  return points.join("") + pad.repeat(Math.max(0, n - points.length));
}

/**
 * maxLength: one code point past the bound and far past it, padded with the string's own last
 * character or with non-ASCII and astral text (JSON Schema counts code points, not UTF-16 units).
 */
export const maxLengthMutator: Mutator = {
  keyword: "maxLength",
  appliesTo(member, site) {
    return typeof site.value === "string" && limit(schemaOf(member), "maxLength") !== undefined;
  },
  violate(member, site) {
    const max = Math.floor(limit(schemaOf(member), "maxLength")!);
    const lengths = fc.constantFrom(max + 1, max + 1 + Math.min(max + 7, 1000));
    return fc
      .tuple(lengths, fc.constantFrom(undefined, ...FILLERS))
      .map(([n, filler]) => breaking(member, "maxLength", lengthen(site.value as string, n, filler)));
  },
};

/**
 * minLength: cut to one code point short of the bound, or emptied; also made of astral
 * characters, whose UTF-16 length reaches the bound when the code point count does not.
 */
export const minLengthMutator: Mutator = {
  keyword: "minLength",
  appliesTo(member, site) {
    const min = limit(schemaOf(member), "minLength");
    return typeof site.value === "string" && min !== undefined && min > 0;
  },
  violate(member, site) {
    const short = Math.ceil(limit(schemaOf(member), "minLength")!) - 1;
    const cut = codePoints(site.value as string).slice(0, short).join("");
    const candidates = [cut, "", "\u{1F600}".repeat(short), "é".repeat(short)];
    return fc.constantFrom(...new Set(candidates)).map((s) => breaking(member, "minLength", s));
  },
  unbreakable(schema) {
    const min = limit(schema, "minLength");
    return min !== undefined && min <= 0 ? "minLength 0 admits every string" : undefined;
  },
};
