import { defineKeyword } from "../keyword.js";

/** `id`: draft-04's `$id`. */
export default defineKeyword({ name: "id", vocabulary: "core", role: "identifier", until: "draft-04" });
