/**
 * The integer formats schemars writes for Rust types (`"format": "uint8"` on a u8 field),
 * asserted as the Rust type's range, so a payload a Rust service cannot decode is invalid:
 * `conform fuzz api.json --format uint8=module:examples/formats/rust-integers.ts`.
 * Without such a module the formats are annotations (any integer passes).
 * Outside this repository, import the type from "schema-conform" instead of ../../src.
 */
import type { FormatDefinition } from "../../src/keywords/index.js";

/** A Rust integer type's format: integers from min to max (JavaScript numbers, so 64-bit edges are approximate). */
function rustInteger(name: string, min: number, max: number): FormatDefinition {
  const safeMin = Math.max(min, Number.MIN_SAFE_INTEGER);
  const safeMax = Math.min(max, Number.MAX_SAFE_INTEGER);
  return {
    name,
    type: "number",
    validate: (n) => typeof n === "number" && Number.isInteger(n) && n >= min && n <= max,
    valid: (fc) => fc.oneof(fc.integer({ min: Math.max(safeMin, -1000), max: Math.min(safeMax, 1000) }), fc.constantFrom(safeMin, safeMax, 0)),
    // The edges ± 1, a fraction inside the range, and 2^53 + 2 (where JSON.parse loses precision) beyond 32 bits.
    invalid: [min - 1, max + 1, min - 1.5, 0.5, ...(max > 2 ** 32 ? [] : [2 ** 53 + 2])],
  };
}

export const uint8 = rustInteger("uint8", 0, 255);
export const uint16 = rustInteger("uint16", 0, 65535);
export const uint32 = rustInteger("uint32", 0, 4294967295);
export const uint64 = rustInteger("uint64", 0, 2 ** 64 - 1);
export const int8 = rustInteger("int8", -128, 127);
export const int16 = rustInteger("int16", -32768, 32767);
export const int32 = rustInteger("int32", -2147483648, 2147483647);
export const int64 = rustInteger("int64", -(2 ** 63), 2 ** 63 - 1);

export default [uint8, uint16, uint32, uint64, int8, int16, int32, int64];
