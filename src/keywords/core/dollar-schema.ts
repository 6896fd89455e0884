import { defineKeyword } from "../keyword.js";

/** `$schema`: names the dialect the document is written in. */
export default defineKeyword({ name: "$schema", vocabulary: "core", role: "identifier" });
