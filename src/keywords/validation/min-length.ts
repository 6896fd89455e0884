import { defineKeyword } from "../keyword.js";

/** `minLength`: the string has at least this many code points. */
export default defineKeyword({ name: "minLength", vocabulary: "validation", role: "assertion", instanceType: "string" });
