import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `minItems`: the array has at least this many items. */
export default defineKeyword({ name: "minItems", vocabulary: "validation", role: "assertion", instanceType: "array", random: { build: randomBuilders.count } });
