/**
 * Numbers where validators and typed consumers disagree: integer width limits,
 * the edge of exact doubles, and the point where JavaScript switches to exponent notation.
 */
export const NUMBER_PROBES: readonly number[] = [
  0, 1, -1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1, 2 ** 53, -(2 ** 53),
  2 ** 63, 2 ** 64, 1e21, 1e22, -1e21, 255, 256, 65535, 65536, 127, 128, -128, -129, 32767, 32768,
];

/**
 * The same probes in families (one family per width limit), so that drawing a family first
 * gives each limit a fair chance within a hundred payloads however many members it has.
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

export const FRACTION_PROBES: readonly number[] = [0.5, -0.5, 0.1, 1.5, 1e-7, 5e-324, 1.7976931348623157e308, 0.30000000000000004];

/** Values a consumer typed by `format` (schemars: int32, uint64...) rejects although the schema allows them. */
export function formatProbes(formats: string[]): number[] {
  const out: number[] = [];
  for (const f of formats) {
    const m = /^(u?)int(8|16|32|64|128)?$/.exec(f);
    if (!m) continue;
    const bits = Number(m[2] ?? 64);
    if (m[1] === "u") out.push(-1, 2 ** bits - 1, 2 ** bits, 0);
    else out.push(2 ** (bits - 1) - 1, 2 ** (bits - 1), -(2 ** (bits - 1)), -(2 ** (bits - 1)) - 1);
  }
  return out;
}
