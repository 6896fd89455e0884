import { escapeToken } from "./pointer.js";

/** What JSON.parse does not tell: keys given twice in one object, and number tokens beyond double range. */
export interface JsonScan {
  /** JSON pointer of each repeated key (the second and later occurrences), in text order. */
  duplicateKeys: string[];
  /** Number tokens that parse to ±Infinity, as written, with their pointer. */
  hugeNumbers: Array<{ pointer: string; token: string }>;
  /** With a depth limit: the pointer of the first array or object nested deeper than it. */
  tooDeep?: string;
}

const QUOTE = 0x22, COLON = 0x3a, BACKSLASH = 0x5c, COMMA = 0x2c, OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d;

/**
 * One pass over a text JSON.parse has accepted: linear time, an explicit stack instead of
 * recursion (inputs may nest 100,000 levels deep). Pointers are built only for what it reports.
 */
export function scanJsonText(text: string, depthLimit = Infinity): JsonScan {
  const keys: Array<string[] | Set<string> | null> = []; // per open container: the keys seen (objects) or null (arrays)
  const steps: Array<string | number> = []; // per open container: the current key or index
  const out: JsonScan = { duplicateKeys: [], hugeNumbers: [] };
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === COLON) {
      i++;
    } else if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (expectKey) {
        const top = keys.length - 1;
        const key = keyValue(text, i, end);
        steps[top] = key;
        if (!remember(keys, top, key)) out.duplicateKeys.push(pointerOf(steps));
        expectKey = false;
      }
      i = end + 1;
    } else if (c === COMMA) {
      const top = keys.length - 1;
      if (keys[top] === null) steps[top] = (steps[top] as number) + 1;
      else expectKey = true;
      i++;
    } else if (c === OPEN_OBJECT) {
      if (keys.length >= depthLimit) out.tooDeep ??= pointerOf(steps);
      keys.push(EMPTY);
      steps.push("");
      expectKey = true;
      i++;
    } else if (c === OPEN_ARRAY) {
      if (keys.length >= depthLimit) out.tooDeep ??= pointerOf(steps);
      keys.push(null);
      steps.push(0);
      expectKey = false;
      i++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      keys.pop();
      steps.pop();
      expectKey = false;
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      i = numberEnd(text, i, steps, out);
    } else {
      i++; // the letters of true, false, null
    }
  }
  return out;
}

const EMPTY: string[] = [];
const SMALL = 12;

/** Adds the key to the object's keys (a list while small, a set beyond); false when it was there already. */
function remember(keys: Array<string[] | Set<string> | null>, top: number, key: string): boolean {
  const seen = keys[top]!;
  if (seen instanceof Set) return seen.size < seen.add(key).size;
  if (seen.includes(key)) return false;
  if (seen === EMPTY) keys[top] = [key];
  else if (seen.length < SMALL) seen.push(key);
  else keys[top] = new Set([...seen, key]);
  return true;
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
