import type { ProbeMode } from "../../../model/probe.js";

/**
 * Probes: numbers where validators and typed consumers disagree (integer width limits, the
 * edge of exact doubles, exponent notation in JavaScript) and, with `--probes all`, spellings
 * a parsed value loses (`-0`, `1.0`, `1e2`, `9007199254740993`). Each is named in findings.
 */

/** A probe before it is placed: the value JavaScript parses, its name, its exact spelling when JSON.stringify writes another. */
export interface ProbeSpec {
  value: number;
  name: string;
  text?: string;
}

/**
 * The generic value probes in families (one family per width limit), so that drawing a family
 * first gives each limit a fair chance within a hundred payloads however many members it has.
 */
export const PROBE_FAMILIES: readonly (readonly number[])[] = [
  [0, 1, -1],
  [127, 128, -128, -129, 255, 256],
  [32767, 32768, 65535, 65536],
  [2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1],
  [2 ** 32 - 1, 2 ** 32],
  [2 ** 53 - 1, 2 ** 53, -(2 ** 53), -(2 ** 53) + 1],
  [2 ** 63, 2 ** 64, -(2 ** 63)],
  [1e21, 1e22, -1e21, 1.5e300],
];

/** Fractions whose doubles are famous for going wrong, with their names. */
export const FRACTION_PROBES: readonly ProbeSpec[] = [
  { value: 0.5, name: "0.5" },
  { value: -0.5, name: "-0.5" },
  { value: 0.1, name: "0.1" },
  { value: 1.5, name: "1.5" },
  { value: 1e-7, name: "1e-7 (exponent in JavaScript)" },
  { value: 5e-324, name: "double smallest subnormal" },
  { value: 1.7976931348623157e308, name: "double max" },
  { value: 0.30000000000000004, name: "0.1+0.2" },
];

/** Value probes of the floating-point formats (OpenAPI's `float`, `double`). */
const FLOAT_FORMAT_PROBES: Record<string, readonly ProbeSpec[]> = {
  float: [
    { value: 3.4028234663852886e38, name: "float max" },
    { value: -3.4028234663852886e38, name: "float min" },
    { value: 6.805646932770577e38, name: "float max×2 (infinite as f32)" },
    { value: 1.401298464324817e-45, name: "float smallest subnormal" },
    { value: 7e-46, name: "below float smallest subnormal (0 as f32)" },
    { value: 16777217, name: "2^24+1 (not exact in f32)" },
  ],
  double: [
    { value: 1.7976931348623157e308, name: "double max" },
    { value: -1.7976931348623157e308, name: "double min" },
    { value: 5e-324, name: "double smallest subnormal" },
    { value: 2.2250738585072014e-308, name: "double smallest normal" },
  ],
};

/** An integer format of schemars or OpenAPI: int8 … int128, uint8 … uint128, `int`/`uint` (isize/usize: 64 bits). */
export interface IntegerWidth {
  format: string;
  min: bigint;
  max: bigint;
}

export function integerWidthOf(format: string): IntegerWidth | undefined {
  const m = /^(u?)int(8|16|32|64|128)?$/.exec(format);
  if (!m) return undefined;
  const bits = BigInt(m[2] ?? 64);
  return m[1] === "u" ? { format, min: 0n, max: 2n ** bits - 1n } : { format, min: -(2n ** (bits - 1n)), max: 2n ** (bits - 1n) - 1n };
}

const GENERIC_WIDTHS: readonly IntegerWidth[] = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "int128", "uint128"].map(
  (f) => integerWidthOf(f)!,
);

/** The integer widths among `formats`. */
export function integerWidths(formats: readonly string[]): IntegerWidth[] {
  return formats.map(integerWidthOf).filter((w): w is IntegerWidth => w !== undefined);
}

/** Each integer format's limits and one step past them: min-1, min, max, max+1 (exact integers). */
export function widthEdges(w: IntegerWidth): Array<{ exact: bigint; name: string }> {
  return [
    { exact: w.min - 1n, name: `${w.format} min-1` },
    { exact: w.min, name: `${w.format} min` },
    { exact: w.max, name: `${w.format} max` },
    { exact: w.max + 1n, name: `${w.format} max+1` },
  ];
}

/** A double is an exact integer probe when it equals the integer and JSON.stringify writes that integer's digits. */
export function writtenExactly(exact: bigint): boolean {
  const v = Number(exact);
  return BigInt(v) === exact && JSON.stringify(v) === exact.toString();
}

/** The integer a JSON text spells, when it is written without fraction or exponent. */
export function integerOfText(text: string): bigint | undefined {
  return /^-?\d+$/.test(text) ? BigInt(text) : undefined;
}

/**
 * A probe's name from the integer its text spells: the nearest limit of a format at hand
 * ("uint32 max+1"; "int64 max+193" for 2^63, which JSON.stringify writes 9223372036854776000),
 * else of the smallest width it is within two of, else a power of two ("2^53"), else its text.
 */
export function integerProbeName(text: string, formats: readonly string[]): string {
  const x = integerOfText(text);
  if (x === undefined) return text;
  return edgeName(x, integerWidths(formats), true) ?? edgeName(x, GENERIC_WIDTHS, false) ?? powerOfTwoName(x) ?? text;
}

/** `relative` (the formats at hand) also names far neighbours of a big limit; without it (generic widths) 0, ±1, ±2 are not "uint8 min±n", only themselves. */
function edgeName(x: bigint, widths: readonly IntegerWidth[], relative: boolean): string | undefined {
  for (const w of widths) {
    for (const [label, edge] of [["max", w.max], ["min", w.min]] as const) {
      if (!relative && edge === 0n) continue;
      const d = x - edge;
      if (abs(d) <= 2n || (relative && abs(d) * 2n ** 40n < abs(edge))) return `${w.format} ${label}${offset(d)}`;
    }
  }
  return undefined;
}

function powerOfTwoName(x: bigint): string | undefined {
  const negative = x < 0n;
  for (let k = 7n; k <= 128n; k++) {
    const d = abs(x) - 2n ** k;
    if (abs(d) <= 2n) return `${negative ? "-" : ""}2^${k}${offset(negative ? -d : d)}`;
  }
  return undefined;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function offset(d: bigint): string {
  return d === 0n ? "" : d > 0n ? `+${d}` : `${d}`;
}

/**
 * Integer probes only a text can carry (`--probes all`): each format's limits JSON.stringify
 * cannot write (int64 max is 9223372036854775807, parsed as 2^63), and 2^53+1 and its
 * negative (JSON.parse rounds them to 2^53).
 */
export function textIntegerProbes(formats: readonly string[]): ProbeSpec[] {
  const exact = [
    ...integerWidths(formats).flatMap(widthEdges),
    { exact: 2n ** 53n + 1n, name: "2^53+1" },
    { exact: -(2n ** 53n) - 1n, name: "-2^53-1" },
  ];
  return exact.filter((e) => !writtenExactly(e.exact)).map((e) => ({ value: Number(e.exact), name: e.name, text: e.exact.toString() }));
}

/**
 * Spellings of one integer value (`--probes all`): `-0` where 0 is allowed, an integral float
 * and an exponent form (`1.0`, `1e2`, else of `anchor`); draft-04 integers are lexical, so there
 * only `-0`.
 */
export function spellingProbes(allowed: (v: number) => boolean, anchor: number | undefined, lexicalOnly: boolean): ProbeSpec[] {
  const out: ProbeSpec[] = [];
  if (allowed(0)) out.push({ value: -0, name: "-0", text: "-0" });
  if (lexicalOnly) return out;
  const one = allowed(1) ? 1 : anchor;
  if (one !== undefined && Number.isSafeInteger(one)) out.push({ value: one, name: `integral float ${one}.0`, text: `${one}.0` });
  if (allowed(100)) out.push({ value: 100, name: "exponent 1e2", text: "1e2" });
  else if (anchor !== undefined && Number.isSafeInteger(anchor)) out.push({ value: anchor, name: `exponent ${anchor}e0`, text: `${anchor}e0` });
  return out;
}

/** Value probes of the float formats among `formats`. */
export function floatFormatProbes(formats: readonly string[]): ProbeSpec[] {
  return formats.flatMap((f) => FLOAT_FORMAT_PROBES[f] ?? []);
}

/** Whether a mode sends value probes / spellings. */
export function sendsValues(mode: ProbeMode): boolean {
  return mode !== "none";
}

export function sendsTexts(mode: ProbeMode): boolean {
  return mode === "all";
}
