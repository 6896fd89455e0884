import { defineKeyword } from "../keyword.js";

/** `$ref`: applies the schema its URI names. */
export default defineKeyword({ name: "$ref", vocabulary: "core", role: "reference", keptBesideRef: true, settledByCanon: true, random: { build: (p) => p.reference, weight: 3 } });
