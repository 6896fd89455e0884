import { defineKeyword } from "../keyword.js";

/** `$recursiveRef`: 2019-09's `$dynamicRef`. */
export default defineKeyword({ name: "$recursiveRef", vocabulary: "core", role: "reference", since: "2019-09", until: "2019-09", settledByCanon: true, random: { build: (p) => p.fc.constant("#") } });
