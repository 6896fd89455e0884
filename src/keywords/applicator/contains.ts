import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `contains`: some item holds the subschema. */
export default defineKeyword({ name: "contains", vocabulary: "applicator", role: "applicator", since: "draft-06", subschemas: "one", instanceType: "array", failsAsItself: true, readWith: ["minContains", "maxContains"], random: { build: randomBuilders.subschema } });
