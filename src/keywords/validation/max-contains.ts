import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `maxContains`: at most this many items hold `contains`. */
export default defineKeyword({ name: "maxContains", vocabulary: "validation", role: "assertion", since: "2019-09", instanceType: "array", readWith: ["contains", "minContains"], random: { build: randomBuilders.count } });
