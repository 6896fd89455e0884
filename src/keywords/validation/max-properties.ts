import { defineKeyword } from "../keyword.js";

/** `maxProperties`: the object has at most this many members. */
export default defineKeyword({ name: "maxProperties", vocabulary: "validation", role: "assertion", instanceType: "object" });
