import fc, { type Arbitrary } from "fast-check";

type Random = Parameters<Arbitrary<string>["generate"]>[0];
type Value<T> = ReturnType<Arbitrary<T>["generate"]>;

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
    let out = "";
    for (let i = 0; i < length; i++) out += this.codePoint(mrng);
    return new fc.Value(out, undefined);
  }

  /** One random number per code point: its low bits pick the kind, the rest the character. */
  private codePoint(mrng: Random): string {
    const a = this.alphabet;
    const r = mrng.nextInt(0, 0x7fffffff);
    const kind = r % this.total;
    const rest = (r - kind) / this.total;
    if (kind < a.asciiWeight) return String.fromCharCode(0x20 + (rest % 95));
    if (kind < a.asciiWeight + a.trickyWeight) return a.tricky[rest % a.tricky.length]!;
    const c = rest % (0x110000 - 0x800);
    return String.fromCodePoint(c >= 0xd800 ? c + 0x800 : c);
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
