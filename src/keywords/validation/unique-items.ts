import { defineKeyword } from "../keyword.js";

/** `uniqueItems`: with true, no two items are equal. */
export default defineKeyword({ name: "uniqueItems", vocabulary: "validation", role: "assertion", instanceType: "array", random: { build: (p) => p.fc.boolean() } });
