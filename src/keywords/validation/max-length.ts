import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `maxLength`: the string has at most this many code points. */
export default defineKeyword({ name: "maxLength", vocabulary: "validation", role: "assertion", instanceType: "string", random: { build: randomBuilders.count } });
