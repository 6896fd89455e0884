import { isObject } from "../schema/json.js";
import type { Located } from "../schema/registry.js";

/** Merged string constraints: tightest lengths, every pattern and format. */
export interface StringBounds {
  minLength: number;
  maxLength: number;
  patterns: string[];
  formats: string[];
}

export function stringBounds(members: Located[]): StringBounds {
  const b: StringBounds = { minLength: 0, maxLength: Infinity, patterns: [], formats: [] };
  for (const m of members) {
    if (!isObject(m.schema)) continue;
    const s = m.schema;
    if (typeof s.minLength === "number") b.minLength = Math.max(b.minLength, Math.ceil(s.minLength));
    if (typeof s.maxLength === "number") b.maxLength = Math.min(b.maxLength, Math.floor(s.maxLength));
    if (typeof s.pattern === "string") b.patterns.push(s.pattern);
    if (typeof s.format === "string") b.formats.push(s.format);
  }
  return b;
}
