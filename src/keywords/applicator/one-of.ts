import { defineKeyword } from "../keyword.js";

/** `oneOf`: exactly one subschema holds. */
export default defineKeyword({ name: "oneOf", vocabulary: "applicator", role: "applicator", subschemas: "list", settledByCanon: true });
