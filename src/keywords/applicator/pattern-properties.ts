import { defineKeyword } from "../keyword.js";
import { entriesObject } from "../random.js";

/** `patternProperties`: each member whose name matches a regex holds its subschema. */
export default defineKeyword({ name: "patternProperties", vocabulary: "applicator", role: "applicator", subschemas: "map", instanceType: "object", readWith: ["properties", "additionalProperties"], random: { build: (p) => entriesObject(p, p.pattern, p.subschema) } });
