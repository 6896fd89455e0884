import { defineKeyword } from "../keyword.js";

/** `$id`: names the schema by URI; the base URI of its references. */
export default defineKeyword({ name: "$id", vocabulary: "core", role: "identifier", since: "draft-06" });
