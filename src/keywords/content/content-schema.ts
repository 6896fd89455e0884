import { defineKeyword } from "../keyword.js";

/** `contentSchema`: the schema of the decoded content. */
export default defineKeyword({ name: "contentSchema", vocabulary: "content", role: "annotation", since: "2019-09", subschemas: "one" });
