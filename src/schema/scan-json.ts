import { escapeToken } from "./pointer.js";

/** What JSON.parse does not tell: keys given twice in one object, and number tokens beyond double range. */
export interface JsonScan {
  /** JSON pointer of each repeated key (the second and later occurrences), in text order. */
  duplicateKeys: string[];
  /** Number tokens that parse to ±Infinity, as written, with their pointer. */
  hugeNumbers: Array<{ pointer: string; token: string }>;
}

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d;

/**
 * One pass over a text JSON.parse has accepted: linear time, an explicit stack instead of
 * recursion (inputs may nest 100,000 levels deep). Pointers are built only for what it reports.
 */
export function scanJsonText(text: string): JsonScan {
  const keySets: Array<Set<string> | null> = []; // per open container: the keys seen (objects) or null (arrays)
  const steps: Array<string | number> = []; // per open container: the current key or index
  const out: JsonScan = { duplicateKeys: [], hugeNumbers: [] };
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (expectKey) {
        const key = keyValue(text, i, end);
        const top = keySets.length - 1;
        const seen = keySets[top]!;
        steps[top] = key;
        if (seen.has(key)) out.duplicateKeys.push(pointerOf(steps));
        else seen.add(key);
        expectKey = false;
      }
      i = end + 1;
    } else if (c === OPEN_OBJECT) {
      keySets.push(new Set());
      steps.push("");
      expectKey = true;
      i++;
    } else if (c === OPEN_ARRAY) {
      keySets.push(null);
      steps.push(0);
      expectKey = false;
      i++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      keySets.pop();
      steps.pop();
      expectKey = false;
      i++;
    } else if (c === COMMA) {
      const top = keySets.length - 1;
      if (keySets[top] === null) steps[top] = (steps[top] as number) + 1;
      else expectKey = true;
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      i = numberEnd(text, i, steps, out);
    } else {
      i++; // whitespace, ':', and the letters of true/false/null
    }
  }
  return out;
}

/** Index of the quote that closes the string opening at `open`. */
function closingQuote(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q;
    q = text.indexOf('"', q + 1);
  }
}

/** The key as JSON.parse reads it (escapes decoded, so "\u0061" and "a" are the same key). */
function keyValue(text: string, open: number, close: number): string {
  const raw = text.slice(open + 1, close);
  return raw.includes("\\") ? (JSON.parse(text.slice(open, close + 1)) as string) : raw;
}

/** Skips a number token; records it when it is beyond double range. Only tokens with an exponent or 309+ characters can be. */
function numberEnd(text: string, start: number, steps: Array<string | number>, out: JsonScan): number {
  let i = start + 1;
  let exponent = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x65 || c === 0x45) exponent = true;
    else if (!((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2b || c === 0x2d)) break;
  }
  if (exponent || i - start > 308) {
    const token = text.slice(start, i);
    if (!Number.isFinite(Number(token))) out.hugeNumbers.push({ pointer: pointerOf(steps), token });
  }
  return i;
}

/** The pointer of the current value (no spread: the stack may be 100,000 deep). */
function pointerOf(steps: Array<string | number>): string {
  return steps.map((t) => "/" + escapeToken(String(t))).join("");
}
