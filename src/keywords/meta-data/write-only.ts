import { defineKeyword } from "../keyword.js";

/** `writeOnly`: never returned. */
export default defineKeyword({ name: "writeOnly", vocabulary: "meta-data", role: "annotation", since: "draft-07" });
