import { defineKeyword } from "../keyword.js";

/** `definitions`: holds schemas for references (the name before 2019-09, still used after). */
export default defineKeyword({ name: "definitions", vocabulary: "core", role: "container", subschemas: "map", keptBesideRef: true });
