import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `maxItems`: the array has at most this many items. */
export default defineKeyword({ name: "maxItems", vocabulary: "validation", role: "assertion", instanceType: "array", random: { build: randomBuilders.count, weight: 2 } });
