import { defineKeyword } from "../keyword.js";

/** `multipleOf`: the number is an integer multiple of the value. */
export default defineKeyword({ name: "multipleOf", vocabulary: "validation", role: "assertion", instanceType: "number", random: { build: (p) => p.divisor, weight: 2 } });
