import { defineKeyword } from "../keyword.js";

/** `$vocabulary`: a meta-schema's list of vocabularies. */
export default defineKeyword({ name: "$vocabulary", vocabulary: "core", role: "identifier", since: "2019-09" });
