import { defineKeyword } from "../keyword.js";

/**
 * `nullable` (OpenAPI 3.0): with `true`, `null` is allowed besides the types `type` lists.
 * ajv applies it in every dialect (it reads `nullable` inside its `type` check), so the oracle
 * does too, and so must generation: valid payloads may be null, and breaking `type` never
 * picks null. Not a JSON Schema keyword: a validator that ignores it rejects null there,
 * which the runs report as that validator's disagreement with OpenAPI's reading.
 */
export default defineKeyword({
  name: "nullable",
  vocabulary: "openapi",
  role: "modifier",
  readWith: ["type"],
  hooks: {
    allowedTypes(value, schema, types) {
      return value === true && "type" in schema && !types.includes("null") ? [...types, "null"] : [...types];
    },
  },
});
