import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `maxProperties`: the object has at most this many members. */
export default defineKeyword({ name: "maxProperties", vocabulary: "validation", role: "assertion", instanceType: "object", random: { build: randomBuilders.count } });
