import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `maximum`: the number is at most the value (draft-04: below it with exclusiveMaximum: true). */
export default defineKeyword({ name: "maximum", vocabulary: "validation", role: "assertion", instanceType: "number", readWith: ["exclusiveMaximum"], readWithUntil: "draft-04", random: { build: randomBuilders.number, weight: 2 } });
