import { isDecimalMultiple } from "../schema/decimal.js";
import { isObject } from "../schema/json.js";
import type { Located } from "../schema/registry.js";

/** The merged numeric constraints of a conjunction: the tightest bounds, every multipleOf. */
export interface NumericBounds {
  min: number;
  minExclusive: boolean;
  max: number;
  maxExclusive: boolean;
  multipleOf: number[];
  /** `format` values on the members (int32, uint64...), for probing typed consumers. */
  formats: string[];
}

export function numericBounds(members: Located[]): NumericBounds {
  const b: NumericBounds = { min: -Infinity, minExclusive: false, max: Infinity, maxExclusive: false, multipleOf: [], formats: [] };
  for (const m of members) {
    if (!isObject(m.schema)) continue;
    const s = m.schema;
    const draft4 = m.dialect === "draft-04";
    if (typeof s.minimum === "number") raiseMin(b, s.minimum, draft4 && s.exclusiveMinimum === true);
    if (typeof s.maximum === "number") lowerMax(b, s.maximum, draft4 && s.exclusiveMaximum === true);
    if (!draft4 && typeof s.exclusiveMinimum === "number") raiseMin(b, s.exclusiveMinimum, true);
    if (!draft4 && typeof s.exclusiveMaximum === "number") lowerMax(b, s.exclusiveMaximum, true);
    if (typeof s.multipleOf === "number" && s.multipleOf > 0) b.multipleOf.push(s.multipleOf);
    if (typeof s.format === "string") b.formats.push(s.format);
  }
  return b;
}

function raiseMin(b: NumericBounds, value: number, exclusive: boolean): void {
  if (value > b.min || (value === b.min && exclusive)) {
    b.min = value;
    b.minExclusive = exclusive;
  }
}

function lowerMax(b: NumericBounds, value: number, exclusive: boolean): void {
  if (value < b.max || (value === b.max && exclusive)) {
    b.max = value;
    b.maxExclusive = exclusive;
  }
}

/**
 * The oracle's multipleOf rule: exact decimal arithmetic (src/schema/decimal.ts), which the
 * oracle's ajv uses in place of its own floating-point check (see oracle/ajv-factory.ts).
 */
export function oracleMultipleOf(value: number, divisor: number): boolean {
  return isDecimalMultiple(value, divisor);
}

export function withinBounds(value: number, b: NumericBounds): boolean {
  if (value < b.min || (value === b.min && b.minExclusive)) return false;
  if (value > b.max || (value === b.max && b.maxExclusive)) return false;
  return b.multipleOf.every((d) => oracleMultipleOf(value, d));
}
