import { defineKeyword } from "../keyword.js";

/** `description`: what the schema means. */
export default defineKeyword({ name: "description", vocabulary: "meta-data", role: "annotation", keptBesideRef: true });
