import { defineKeyword } from "../keyword.js";

/** `readOnly`: owned by the server. */
export default defineKeyword({ name: "readOnly", vocabulary: "meta-data", role: "annotation", since: "draft-07" });
