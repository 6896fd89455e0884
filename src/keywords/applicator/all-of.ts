import { defineKeyword } from "../keyword.js";

/** `allOf`: every subschema holds. */
export default defineKeyword({ name: "allOf", vocabulary: "applicator", role: "applicator", subschemas: "list", settledByCanon: true });
