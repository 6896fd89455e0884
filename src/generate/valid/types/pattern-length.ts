/**
 * A pattern that repeats one fixed-width atom from start to end (`^[01]*$`, `^([0-9a-f]{2})+$`),
 * rewritten so that its repetition count meets minLength/maxLength: `^[01]{56}$` for exactly 56
 * characters. fast-check draws a `*` with a small count, so a filter for an exact length of 56
 * never passed. Returns undefined for any other shape of pattern, and when no count fits.
 */
export function lengthFittedPattern(source: string, minLength: number, maxLength: number): string | undefined {
  const fit = repetitionFit(source, minLength, maxLength);
  return fit === undefined || fit.lo > fit.hi ? undefined : `^(?:${fit.atom}){${fit.lo},${Number.isFinite(fit.hi) ? fit.hi : ""}}$`;
}

/**
 * True when the pattern is one fixed-width atom repeated from start to end and no repetition
 * count gives a length within the bounds (`^([0-9a-f]{2})*$` with length 7): a proof.
 */
export function noLengthFits(source: string, minLength: number, maxLength: number): boolean {
  const fit = repetitionFit(source, minLength, maxLength);
  return fit !== undefined && fit.lo > fit.hi;
}

/** The atom and the repetition counts whose lengths are within the bounds, for a pattern of one repeated fixed-width atom. */
function repetitionFit(source: string, minLength: number, maxLength: number): { atom: string; lo: number; hi: number } | undefined {
  if (!source.startsWith("^") || !source.endsWith("$") || source.endsWith("\\$")) return undefined;
  const body = source.slice(1, -1);
  const atomEnd = atomLength(body, 0);
  if (atomEnd === undefined) return undefined;
  const atom = body.slice(0, atomEnd);
  const width = widthOf(atom);
  const quantifier = parseQuantifier(body.slice(atomEnd));
  if (width === undefined || width === 0 || quantifier === undefined) return undefined;
  const lo = Math.max(quantifier.min, Math.ceil(minLength / width));
  const hi = Math.min(quantifier.max, Math.floor(maxLength / width));
  if (!Number.isFinite(lo) || (hi > lo + 10_000 && lo <= hi)) return undefined; // nothing to gain over the unbounded pattern
  return { atom, lo, hi };
}

/** The length of the single atom at `i` (a class, an escape, `.`, a group, a literal), or undefined. */
function atomLength(s: string, i: number): number | undefined {
  const c = s[i];
  if (c === undefined) return undefined;
  if (c === "[") {
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === "\\") j++;
      else if (s[j] === "]" && j > i + 1) return j + 1 - i;
    }
    return undefined;
  }
  if (c === "\\") {
    const next = s[i + 1];
    if (next === undefined || /[1-9bBk]/.test(next)) return undefined; // backreferences and boundaries
    if ((next === "p" || next === "P") && s[i + 2] === "{") {
      const close = s.indexOf("}", i);
      return close < 0 ? undefined : close + 1 - i;
    }
    if (next === "u" && s[i + 2] === "{") {
      const close = s.indexOf("}", i);
      return close < 0 ? undefined : close + 1 - i;
    }
    if (next === "u") return 6;
    if (next === "x") return 4;
    return 2;
  }
  if (c === "(") {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      if (s[j] === "\\") j++;
      else if (s[j] === "[") {
        const n = atomLength(s, j);
        if (n === undefined) return undefined;
        j += n - 1;
      }
      else if (s[j] === "(") depth++;
      else if (s[j] === ")" && --depth === 0) return j + 1 - i;
    }
    return undefined;
  }
  if ("*+?{}|)$^".includes(c)) return undefined;
  return 1;
}

/** The number of code points every match of `atom` has, or undefined when it varies (or is unknown). */
function widthOf(atom: string): number | undefined {
  if (atom.startsWith("(")) {
    let inner = atom.slice(1, -1);
    if (inner.startsWith("?:")) inner = inner.slice(2);
    else if (inner.startsWith("?")) return undefined; // lookaround, named groups
    let width = 0;
    let i = 0;
    while (i < inner.length) {
      const n = atomLength(inner, i);
      if (n === undefined) return undefined;
      const w = widthOf(inner.slice(i, i + n));
      if (w === undefined) return undefined;
      i += n;
      const exact = /^\{(\d+)\}/.exec(inner.slice(i));
      if (exact) {
        width += w * Number(exact[1]);
        i += exact[0].length;
      } else if (/^[*+?{]/.test(inner.slice(i))) return undefined;
      else width += w;
    }
    return width;
  }
  return 1;
}

function parseQuantifier(q: string): { min: number; max: number } | undefined {
  const plain = q.endsWith("?") && q.length > 1 ? q.slice(0, -1) : q; // a lazy quantifier matches the same strings here
  if (plain === "*") return { min: 0, max: Infinity };
  if (plain === "+") return { min: 1, max: Infinity };
  if (plain === "?") return { min: 0, max: 1 };
  if (plain === "") return { min: 1, max: 1 };
  const m = /^\{(\d+)(,(\d*))?\}$/.exec(plain);
  if (!m) return undefined;
  const min = Number(m[1]);
  return { min, max: m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]) };
}
