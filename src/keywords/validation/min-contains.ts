import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `minContains`: at least this many items hold `contains`. */
export default defineKeyword({ name: "minContains", vocabulary: "validation", role: "assertion", since: "2019-09", instanceType: "array", readWith: ["contains", "maxContains"], random: { build: randomBuilders.count } });
