import { defineKeyword } from "../keyword.js";

/** `items`: items hold the subschema (before 2020-12, a list is a tuple). */
export default defineKeyword({ name: "items", vocabulary: "applicator", role: "applicator", subschemas: "items", instanceType: "array", failsAsItself: true, readWith: ["prefixItems", "additionalItems"] });
