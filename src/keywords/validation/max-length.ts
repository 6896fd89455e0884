import { defineKeyword } from "../keyword.js";

/** `maxLength`: the string has at most this many code points. */
export default defineKeyword({ name: "maxLength", vocabulary: "validation", role: "assertion", instanceType: "string" });
