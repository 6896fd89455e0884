import { defineKeyword } from "../keyword.js";

/** `pattern`: the ECMA-262 regex matches somewhere in the string. */
export default defineKeyword({ name: "pattern", vocabulary: "validation", role: "assertion", instanceType: "string", random: { build: (p) => p.pattern, weight: 2 } });
