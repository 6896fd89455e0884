import { defineKeyword } from "../keyword.js";

/** `$recursiveAnchor`: 2019-09: marks the schema `$recursiveRef` may resolve to. */
export default defineKeyword({ name: "$recursiveAnchor", vocabulary: "core", role: "identifier", since: "2019-09", until: "2019-09" });
