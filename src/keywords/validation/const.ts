import { defineKeyword } from "../keyword.js";

/** `const`: the instance equals the value. */
export default defineKeyword({ name: "const", vocabulary: "validation", role: "assertion", since: "draft-06", settledByCanon: true, random: { build: (p) => p.json } });
