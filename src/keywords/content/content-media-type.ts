import { defineKeyword } from "../keyword.js";

/** `contentMediaType`: the media type of the string's content. */
export default defineKeyword({ name: "contentMediaType", vocabulary: "content", role: "annotation", since: "draft-07" });
