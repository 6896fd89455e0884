import fc from "fast-check";
import type { TypeGenerator } from "../type-generator.js";

export const nullGenerator: TypeGenerator = {
  type: "null",
  build: () => ({ arbitrary: fc.constant(null), exact: true }),
};

export const booleanGenerator: TypeGenerator = {
  type: "boolean",
  build: () => ({ arbitrary: fc.boolean(), exact: true }),
};
