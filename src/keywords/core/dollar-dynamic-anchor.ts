import { defineKeyword } from "../keyword.js";

/** `$dynamicAnchor`: an anchor that `$dynamicRef` may resolve to dynamically. */
export default defineKeyword({ name: "$dynamicAnchor", vocabulary: "core", role: "identifier", since: "2020-12" });
