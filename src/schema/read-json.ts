import fs from "node:fs";
import { InputError, type InputWarning } from "./errors.js";
import { scanJsonText } from "./scan-json.js";

/**
 * Schemas nest at most this deep (arrays and objects): the oracle (ajv) and the generators
 * recurse, and past this depth even the CLI thread's 8 MB stack does not hold them (at 2,000
 * schema levels, 4,000 JSON levels, building payloads already takes past the per-target
 * limit); real schemas stay near 20 (SchemaStore at most 22, the github-sample 20).
 */
export const SCHEMA_DEPTH_LIMIT = 4_000;

/**
 * Reads a JSON file strictly: the bytes must be UTF-8 (the first bad byte is named by its
 * offset), numbers must fit a double, and with `depthLimit` nesting must stay within it; a
 * UTF-8 byte order mark and duplicate keys are accepted with a warning each, pushed to `warnings`.
 */
export function readJsonFile(file: string, warnings: InputWarning[] = [], depthLimit = Infinity): unknown {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new InputError(file, "", `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const text = decodeUtf8(file, bytes, warnings);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, "", `invalid JSON: ${describeParseError(text, (e as Error).message)}`);
  }
  checkTokens(file, text, warnings, depthLimit);
  return json;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of UTF-8 bytes, without a leading byte order mark (which earns a warning). */
export function decodeUtf8(file: string, bytes: Uint8Array, warnings: InputWarning[]): string {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) warnings.push({ file, pointer: "", message: "starts with a UTF-8 byte order mark, which JSON forbids (RFC 8259 §8.1); read without it" });
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return strictUtf8.decode(body);
  } catch {
    const offset = firstBadUtf8Byte(body) + (bom ? 3 : 0);
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    throw new InputError(file, "", `not UTF-8: bad byte 0x${bytes[offset]?.toString(16).padStart(2, "0") ?? "??"} at byte offset ${offset}${utf16 ? " (the file starts with a UTF-16 byte order mark)" : ""}`);
  }
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence
 * (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF), or -1.
 */
export function firstBadUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
      : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
      : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const [lo, hi] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return i; // the sequence that starts here is cut short
    }
    i += length;
  }
  return -1;
}

/** Duplicate keys are warnings (JSON.parse keeps the last value); numbers beyond double range are errors. */
function checkTokens(file: string, text: string, warnings: InputWarning[], depthLimit: number): void {
  const scan = scanJsonText(text, depthLimit);
  if (scan.tooDeep !== undefined) {
    throw new InputError(file, scan.tooDeep, `nests deeper than ${depthLimit} levels: the oracle (ajv) compiles schemas recursively and cannot judge it`);
  }
  for (const d of scan.duplicateKeys) {
    warnings.push({ file, pointer: d, message: "duplicate key: the last value is kept (JSON.parse's reading, which every validator is given)" });
  }
  const huge = scan.hugeNumbers[0];
  if (huge) throw new InputError(file, huge.pointer, `number ${huge.token} is beyond double range`);
}

function describeParseError(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos).split("\n");
  return `${message.replace(/ in JSON at position \d+.*$/, "")} at line ${before.length} column ${before[before.length - 1]!.length + 1}`;
}
