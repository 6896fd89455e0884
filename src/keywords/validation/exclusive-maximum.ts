import { defineKeyword } from "../keyword.js";

/** `exclusiveMaximum`: the number is below the value (draft-04: a boolean modifying maximum). */
export default defineKeyword({ name: "exclusiveMaximum", vocabulary: "validation", role: "assertion", instanceType: "number", readWith: ["maximum"], readWithUntil: "draft-04" });
