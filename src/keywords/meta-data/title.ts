import { defineKeyword } from "../keyword.js";

/** `title`: a short name. */
export default defineKeyword({ name: "title", vocabulary: "meta-data", role: "annotation", keptBesideRef: true });
