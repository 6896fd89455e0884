import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `properties`: each named member's value holds its subschema. */
export default defineKeyword({ name: "properties", vocabulary: "applicator", role: "applicator", subschemas: "map", instanceType: "object", readWith: ["patternProperties", "additionalProperties"], random: { build: randomBuilders.subschemaByName, weight: 3 } });
