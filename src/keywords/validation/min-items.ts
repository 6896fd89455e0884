import { defineKeyword } from "../keyword.js";

/** `minItems`: the array has at least this many items. */
export default defineKeyword({ name: "minItems", vocabulary: "validation", role: "assertion", instanceType: "array" });
