import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `additionalProperties`: members neither named nor matched hold the subschema. */
export default defineKeyword({ name: "additionalProperties", vocabulary: "applicator", role: "applicator", subschemas: "one", instanceType: "object", failsAsItself: true, readWith: ["properties", "patternProperties"], random: { build: randomBuilders.subschema, weight: 2 } });
