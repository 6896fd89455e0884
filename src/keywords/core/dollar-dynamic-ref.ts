import { defineKeyword } from "../keyword.js";

/** `$dynamicRef`: applies the outermost schema of the dynamic scope with the anchor. */
export default defineKeyword({ name: "$dynamicRef", vocabulary: "core", role: "reference", since: "2020-12", settledByCanon: true, random: { build: (p) => p.fc.constant("#node") } });
