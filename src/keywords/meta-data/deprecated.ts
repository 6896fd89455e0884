import { defineKeyword } from "../keyword.js";

/** `deprecated`: the value should not be used. */
export default defineKeyword({ name: "deprecated", vocabulary: "meta-data", role: "annotation", since: "2019-09" });
