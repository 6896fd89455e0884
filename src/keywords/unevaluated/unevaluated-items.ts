import { defineKeyword } from "../keyword.js";

/** `unevaluatedItems`: items no adjacent or nested keyword evaluated hold the subschema. */
export default defineKeyword({ name: "unevaluatedItems", vocabulary: "unevaluated", role: "applicator", since: "2019-09", subschemas: "one", instanceType: "array", failsAsItself: true, random: { build: (p) => p.fc.oneof(p.fc.constant(false), p.subschema), weight: 2 } });
