/**
 * Exact decimal arithmetic for multipleOf. JSON numbers are decimals: 0.58 is a multiple of
 * 0.01 although 0.58 / 0.01 is 57.99999999999999 in binary floating point (ajv says no).
 * A payload labelled invalid by multipleOf must be a non-multiple in decimal too, or a
 * validator that does exact arithmetic would be blamed for being right.
 */
export function isDecimalMultiple(value: number, divisor: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(divisor) || divisor <= 0) return false;
  const v = toDecimal(value);
  const d = toDecimal(divisor);
  const scale = Math.max(v.exponent, d.exponent);
  const vi = v.digits * 10n ** BigInt(scale - v.exponent);
  const di = d.digits * 10n ** BigInt(scale - d.exponent);
  return vi % di === 0n;
}

/** The shortest decimal JavaScript prints for x, as digits × 10^-exponent. */
function toDecimal(x: number): { digits: bigint; exponent: number } {
  const [mantissa, exp = "0"] = String(Math.abs(x)).toLowerCase().split("e");
  const [whole, fraction = ""] = mantissa!.split(".");
  const digits = BigInt(whole! + fraction) * (x < 0 ? -1n : 1n);
  const exponent = fraction.length - Number(exp);
  return exponent >= 0 ? { digits, exponent } : { digits: digits * 10n ** BigInt(-exponent), exponent: 0 };
}
