import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `additionalItems`: items past an `items` tuple hold the subschema. */
export default defineKeyword({ name: "additionalItems", vocabulary: "applicator", role: "applicator", until: "2019-09", subschemas: "one", instanceType: "array", failsAsItself: true, readWith: ["prefixItems", "items"], random: { build: randomBuilders.subschema } });
