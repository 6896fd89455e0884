import { isObject, type Json } from "../../../schema/json.js";

/**
 * Values a careless validator or parser confuses with `v`: the same content under another
 * type (true for 1, "1" for 1, 0 for false, "null" for null), then null for anything.
 */
export function otherTypeTwins(v: Json): Json[] {
  if (v === null) return ["null", 0, false, "", [], {}];
  if (typeof v === "boolean") return [v ? 1 : 0, String(v), null, [v]];
  if (typeof v === "number") return [String(v), ...(v === 1 ? [true] : v === 0 ? [false] : []), null, [v], Number.isInteger(v) ? v + 0.5 : Math.round(v)];
  if (typeof v === "string") return [...numericReading(v), ...booleanReading(v), null, [v], v === "" ? 0 : {}];
  if (Array.isArray(v)) return [v.length === 1 ? v[0]! : null, {}, JSON.stringify(v), null];
  return [Object.values(v), JSON.stringify(v), null, []];
}

/** Values of the same type next to `v`: one more, one character more or changed, case flipped. */
export function sameTypeNeighbours(v: Json): Json[] {
  if (typeof v === "boolean") return [!v];
  if (typeof v === "number") return [v + 1, v - 1, -v, v * 10].filter((n) => Number.isFinite(n) && n !== v);
  if (typeof v === "string") return [v + "x", [...v].slice(0, -1).join(""), flipCase(v), v + " ", " " + v, v + "\u0000"].filter((s) => s !== v);
  if (Array.isArray(v)) return [[...v, null], v.slice(1), []];
  if (isObject(v)) return [{ ...v, extra: null }, {}];
  return [];
}

function numericReading(s: string): Json[] {
  const n = Number(s);
  return s.trim() !== "" && Number.isFinite(n) ? [n] : [];
}

function booleanReading(s: string): Json[] {
  if (s === "true" || s === "false") return [s === "true"];
  if (s === "1" || s === "0") return [s === "1"];
  return [];
}

function flipCase(s: string): string {
  const upper = s.toUpperCase();
  return upper !== s ? upper : s.toLowerCase();
}
