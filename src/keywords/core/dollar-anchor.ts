import { defineKeyword } from "../keyword.js";

/** `$anchor`: a plain-name fragment for the schema. */
export default defineKeyword({ name: "$anchor", vocabulary: "core", role: "identifier", since: "2019-09" });
