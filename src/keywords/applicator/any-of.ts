import { defineKeyword } from "../keyword.js";

/** `anyOf`: at least one subschema holds. */
export default defineKeyword({ name: "anyOf", vocabulary: "applicator", role: "applicator", subschemas: "list", settledByCanon: true });
