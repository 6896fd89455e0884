/**
 * OpenAPI's `discriminator` beside `oneOf`, as a keyword module:
 * `conform fuzz pets.json --keyword module:examples/keywords/discriminator.ts`.
 * The tag property picks the branch; an object without a string tag, or with a tag no branch
 * has, is invalid whatever oneOf would say. ajv implements it (option `discriminator`), so the
 * module asks the oracle for that option and says how to break the keyword.
 * Outside this repository, import the type from "schema-conform" instead of ../../src.
 */
import type { KeywordModule } from "../../src/keywords/index.js";

function tagName(value: unknown): string | undefined {
  const name = typeof value === "object" && value !== null ? (value as { propertyName?: unknown }).propertyName : undefined;
  return typeof name === "string" ? name : undefined;
}

const discriminator: KeywordModule = {
  keyword: "discriminator",
  vocabulary: "openapi",
  instanceType: "object",
  ajvOptions: { discriminator: true },
  breaks(instance, value) {
    const tag = tagName(value);
    if (tag === undefined || typeof instance !== "object" || instance === null || Array.isArray(instance)) return [];
    const { [tag]: current, ...untagged } = instance as Record<string, unknown>;
    return [
      untagged, // no tag at all
      { ...untagged, [tag]: `${String(current)}-unknown` }, // a tag no branch has
      { ...untagged, [tag]: 1 }, // a tag that is not a string
    ];
  },
};

export default discriminator;
