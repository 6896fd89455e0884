import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `propertyNames`: every member name holds the subschema. */
export default defineKeyword({ name: "propertyNames", vocabulary: "applicator", role: "applicator", since: "draft-06", subschemas: "one", instanceType: "object", failsAsItself: true, random: { build: randomBuilders.subschema } });
