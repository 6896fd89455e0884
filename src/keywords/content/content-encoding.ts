import { defineKeyword } from "../keyword.js";

/** `contentEncoding`: how the string encodes binary data. */
export default defineKeyword({ name: "contentEncoding", vocabulary: "content", role: "annotation", since: "draft-07" });
