import { defineKeyword } from "../keyword.js";

/** `maxItems`: the array has at most this many items. */
export default defineKeyword({ name: "maxItems", vocabulary: "validation", role: "assertion", instanceType: "array" });
