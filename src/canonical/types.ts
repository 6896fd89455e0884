import type { JsonType } from "./canon.js";

/** Types allowed by both lists; "number" ∩ "integer" is "integer". */
export function intersectTypes(a: JsonType[], b: JsonType[]): JsonType[] {
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.includes(t)) out.add(t);
    else if (t === "number" && b.includes("integer")) out.add("integer");
    else if (t === "integer" && b.includes("number")) out.add("integer");
  }
  if (out.has("number") && out.has("integer")) out.delete("integer");
  return [...out];
}

/** The most precise JSON type of a value ("integer" for whole numbers). */
export function typeOfValue(v: unknown): JsonType {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v as JsonType;
}
