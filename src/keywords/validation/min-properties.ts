import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `minProperties`: the object has at least this many members. */
export default defineKeyword({ name: "minProperties", vocabulary: "validation", role: "assertion", instanceType: "object", random: { build: randomBuilders.count } });
