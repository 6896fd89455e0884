import { defineKeyword } from "../keyword.js";

/** `patternProperties`: each member whose name matches a regex holds its subschema. */
export default defineKeyword({ name: "patternProperties", vocabulary: "applicator", role: "applicator", subschemas: "map", instanceType: "object", readWith: ["properties", "additionalProperties"] });
