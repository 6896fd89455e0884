import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `minLength`: the string has at least this many code points. */
export default defineKeyword({ name: "minLength", vocabulary: "validation", role: "assertion", instanceType: "string", random: { build: randomBuilders.count } });
