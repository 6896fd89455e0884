import { defineKeyword } from "../keyword.js";

/** `default`: a value to assume when absent. */
export default defineKeyword({ name: "default", vocabulary: "meta-data", role: "annotation" });
