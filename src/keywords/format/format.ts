import { defineKeyword } from "../keyword.js";

/** `format`: the string is of the named format (an annotation unless the format policy asserts it). */
export default defineKeyword({ name: "format", vocabulary: "format", role: "assertion", instanceType: "string", random: { build: (p) => p.format } });
