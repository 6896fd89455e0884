import { defineKeyword } from "../keyword.js";

/** `additionalProperties`: members neither named nor matched hold the subschema. */
export default defineKeyword({ name: "additionalProperties", vocabulary: "applicator", role: "applicator", subschemas: "one", instanceType: "object", failsAsItself: true, readWith: ["properties", "patternProperties"] });
