import { defineKeyword } from "../keyword.js";

/** `type`: the instance has one of the types. */
export default defineKeyword({ name: "type", vocabulary: "validation", role: "assertion", settledByCanon: true, readWith: ["nullable"], random: { build: (p) => p.fc.oneof(p.typeName, p.fc.uniqueArray(p.typeName, { minLength: 1, maxLength: 3 })), weight: 3 } });
