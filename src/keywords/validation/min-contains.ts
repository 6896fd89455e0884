import { defineKeyword } from "../keyword.js";

/** `minContains`: at least this many items hold `contains`. */
export default defineKeyword({ name: "minContains", vocabulary: "validation", role: "assertion", since: "2019-09", instanceType: "array", readWith: ["contains", "maxContains"] });
