import { defineKeyword } from "../keyword.js";

/** `type`: the instance has one of the types. */
export default defineKeyword({ name: "type", vocabulary: "validation", role: "assertion", settledByCanon: true, readWith: ["nullable"] });
