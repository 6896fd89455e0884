import { defineKeyword } from "../keyword.js";

/** `examples`: sample values. */
export default defineKeyword({ name: "examples", vocabulary: "meta-data", role: "annotation", since: "draft-06" });
