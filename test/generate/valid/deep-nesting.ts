/** One level of plain nesting: a required property, the single item of a non-empty array, or an allOf wrapper. */
export type Nesting = "property" | "item" | "allOf";

/**
 * A schema nested `depth` levels around `{"type": "integer"}`, level i of kind kinds[i % n]:
 * plain depth, no recursion, so every level must be built as it is written.
 */
export function nestedSchema(depth: number, kinds: Nesting[]): unknown {
  let s: unknown = { type: "integer", minimum: 7 };
  for (let i = depth - 1; i >= 0; i--) {
    const kind = kinds[i % kinds.length]!;
    if (kind === "property") s = { type: "object", properties: { [`k${i % 3}`]: s }, required: [`k${i % 3}`] };
    else if (kind === "item") s = { type: "array", items: s, minItems: 1 };
    else s = { allOf: [s] };
  }
  return s;
}
