import stableStringify from "fast-json-stable-stringify";
import { defineKeyword } from "../keyword.js";

/** `enum`: the instance equals one of the values. */
export default defineKeyword({ name: "enum", vocabulary: "validation", role: "assertion", settledByCanon: true, random: { build: (p) => p.fc.uniqueArray(p.json, { minLength: 1, maxLength: 4, selector: (v) => stableStringify(v) }) } });
