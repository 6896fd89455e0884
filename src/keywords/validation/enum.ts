import { defineKeyword } from "../keyword.js";

/** `enum`: the instance equals one of the values. */
export default defineKeyword({ name: "enum", vocabulary: "validation", role: "assertion", settledByCanon: true });
