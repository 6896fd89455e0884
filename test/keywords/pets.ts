import type { JsonObject } from "../../src/schema/json.js";

/** OpenAPI's discriminator beside oneOf, as ajv accepts it: the tag required and pinned by each branch. */
export const PETS: JsonObject = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  discriminator: { propertyName: "petType" },
  required: ["petType"],
  oneOf: [
    { properties: { petType: { const: "cat" }, lives: { type: "integer", minimum: 0, maximum: 9 } }, required: ["petType"] },
    { properties: { petType: { const: "dog" }, barks: { type: "boolean" } }, required: ["petType"] },
  ],
};
