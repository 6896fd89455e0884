import fc, { type Arbitrary } from "fast-check";

type Random = Parameters<Arbitrary<string>["generate"]>[0];
type Value<T> = ReturnType<Arbitrary<T>["generate"]>;

/**
 * Texts longer than this take their code points from a local generator (mulberry32) seeded by
 * one fast-check draw, two per 32-bit number through a table: fast-check's nextInt per code
 * point, and a string concatenation per code point, made long strings (large payload sizes)
 * the slowest thing drawn, about 9 M characters/s.
 */
const LONG_TEXT = 64;

/** The local generator's state (drawing is synchronous, so one per thread serves every text). */
let local = 0;

function seedLocal(seed: number): void {
  local = seed | 0;
}

/** mulberry32: the next number, 0..2^32-1. */
function nextLocal(): number {
  local = (local + 0x6d2b79f5) | 0;
  let t = Math.imul(local ^ (local >>> 15), local | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** A table entry for a code point that is not plain ASCII (U+FFFF is no ASCII character). */
const RARE = 0xffff;
const asciiTables = new WeakMap<TextAlphabet, Uint16Array>();

/** For each 16-bit number: the ASCII character it draws, or RARE (in the alphabet's proportions). */
function asciiTable(a: TextAlphabet): Uint16Array {
  let table = asciiTables.get(a);
  if (table) return table;
  table = new Uint16Array(65536);
  const total = a.asciiWeight + a.trickyWeight + a.anyWeight;
  for (let h = 0; h < 65536; h++) {
    const scaled = (h / 65536) * total;
    table[h] = scaled < a.asciiWeight ? 0x20 + Math.floor((scaled / a.asciiWeight) * 95) : RARE;
  }
  asciiTables.set(a, table);
  return table;
}

let scratch = new Uint16Array(1024);

/** A buffer of at least `size` units, reused from draw to draw (a new one per long text kept the collector busy). */
function scratchUnits(size: number): Uint16Array {
  if (scratch.length < size) scratch = new Uint16Array(Math.max(size, 2 * scratch.length));
  return scratch;
}

/** Whether this machine stores a Uint16Array's units little-endian, as Buffer's "utf16le" reads them. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The first `n` UTF-16 units as a string (Buffer's decoder above a few units: fromCharCode over the units was a seventh of drawing long texts). */
function textOf(units: Uint16Array, n: number): string {
  if (LITTLE_ENDIAN && n > 16) return Buffer.from(units.buffer, units.byteOffset, 2 * n).toString("utf16le");
  let out = "";
  for (let from = 0; from < n; from += 8192) out += String.fromCharCode.apply(null, units.subarray(from, Math.min(n, from + 8192)) as unknown as number[]);
  return out;
}

/** Where the code points of drawn text come from, by weight. */
export interface TextAlphabet {
  /** Readable ASCII (0x20–0x7e). */
  asciiWeight: number;
  /** Characters validators disagree on (each one code point). */
  tricky: readonly string[];
  trickyWeight: number;
  /** Any Unicode scalar value (surrogate halves skipped). */
  anyWeight: number;
}

/**
 * Strings of min..max code points drawn in one pass (fast-check's string goes through an
 * array of one-character strings and a choice per character). Shrinks stay within the
 * length bounds: shorter prefixes first, then characters made plain ("a").
 */
export class TextArbitrary extends fc.Arbitrary<string> {
  private readonly total: number;

  constructor(
    private readonly min: number,
    private readonly max: number,
    private readonly alphabet: TextAlphabet,
  ) {
    super();
    this.total = alphabet.asciiWeight + alphabet.trickyWeight + alphabet.anyWeight;
  }

  generate(mrng: Random, _biasFactor: number | undefined): Value<string> {
    // Short texts are favoured: half the time the length is drawn from the lower quarter.
    const span = this.max - this.min;
    const length = this.min + (span > 3 && mrng.nextInt(0, 1) === 0 ? mrng.nextInt(0, span >> 2) : mrng.nextInt(0, span));
    const units = scratchUnits(2 * length);
    let n = 0;
    if (length > LONG_TEXT) {
      seedLocal(mrng.nextInt(-0x80000000, 0x7fffffff));
      const table = asciiTable(this.alphabet);
      // Two code points per local number: each half looks up its ASCII character, or RARE.
      for (let i = 0; i < length; i += 2) {
        const r = nextLocal();
        n = this.writeLong(table[r & 0xffff]!, units, n);
        if (i + 1 < length) n = this.writeLong(table[r >>> 16]!, units, n);
      }
    } else for (let i = 0; i < length; i++) n = this.write(mrng.nextInt(0, 0x7fffffff) / 2147483648, units, n);
    return new fc.Value(textOf(units, n), undefined);
  }

  /**
   * One code point from a random fraction (0 ≤ f < 1), written as UTF-16 units at `n`; returns
   * the next position. The fraction picks the kind by weight, and what is left of it the
   * character (multiplications: integer divisions per code point were most of drawing long texts).
   */
  private write(f: number, units: Uint16Array, n: number): number {
    const a = this.alphabet;
    const scaled = f * this.total;
    if (scaled < a.asciiWeight) {
      units[n] = 0x20 + Math.floor((scaled / a.asciiWeight) * 95);
      return n + 1;
    }
    return this.writeRare((scaled - a.asciiWeight) / (a.trickyWeight + a.anyWeight), units, n);
  }

  /** A long text's code point: the table's ASCII character, or a rare one from a fresh local number. */
  private writeLong(unit: number, units: Uint16Array, n: number): number {
    if (unit !== RARE) {
      units[n] = unit;
      return n + 1;
    }
    return this.writeRare(nextLocal() / 4294967296, units, n);
  }

  /** A code point other than plain ASCII from a random fraction: a tricky character or any scalar value, by weight. */
  private writeRare(f: number, units: Uint16Array, n: number): number {
    const a = this.alphabet;
    const scaled = f * (a.trickyWeight + a.anyWeight);
    if (scaled < a.trickyWeight) {
      const c = a.tricky[Math.floor((scaled / a.trickyWeight) * a.tricky.length)]!;
      for (let j = 0; j < c.length; j++) units[n++] = c.charCodeAt(j);
      return n;
    }
    // Any Unicode scalar value, surrogate halves skipped.
    const c = Math.floor(((scaled - a.trickyWeight) / a.anyWeight) * (0x110000 - 0x800));
    const p = c >= 0xd800 ? c + 0x800 : c;
    if (p < 0x10000) {
      units[n] = p;
      return n + 1;
    }
    units[n] = 0xd800 + ((p - 0x10000) >> 10);
    units[n + 1] = 0xdc00 + ((p - 0x10000) & 0x3ff);
    return n + 2;
  }

  canShrinkWithoutContext(value: unknown): value is string {
    if (typeof value !== "string") return false;
    const n = [...value].length;
    return n >= this.min && n <= this.max;
  }

  shrink(value: string, _context: unknown): fc.Stream<Value<string>> {
    const points = [...value];
    const out: string[] = [];
    if (points.length > this.min) {
      const half = Math.max(this.min, points.length >> 1);
      out.push(points.slice(0, half).join(""));
      if (points.length - 1 > half) out.push(points.slice(0, points.length - 1).join(""));
    }
    const plain = points.findIndex((p) => p !== "a");
    if (plain >= 0) out.push([...points.slice(0, plain), "a", ...points.slice(plain + 1)].join(""));
    return fc.Stream.of(...out.map((s) => new fc.Value(s, undefined)));
  }
}
