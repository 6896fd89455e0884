import { defineKeyword } from "../keyword.js";

/** `$defs`: holds schemas for references. */
export default defineKeyword({ name: "$defs", vocabulary: "core", role: "container", since: "2019-09", subschemas: "map", keptBesideRef: true });
