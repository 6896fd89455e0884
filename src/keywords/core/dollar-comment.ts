import { defineKeyword } from "../keyword.js";

/** `$comment`: a note for schema authors. */
export default defineKeyword({ name: "$comment", vocabulary: "core", role: "annotation", since: "draft-07", keptBesideRef: true });
