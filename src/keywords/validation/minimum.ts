import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `minimum`: the number is at least the value (draft-04: above it with exclusiveMinimum: true). */
export default defineKeyword({ name: "minimum", vocabulary: "validation", role: "assertion", instanceType: "number", readWith: ["exclusiveMinimum"], readWithUntil: "draft-04", random: { build: randomBuilders.number, weight: 2 } });
