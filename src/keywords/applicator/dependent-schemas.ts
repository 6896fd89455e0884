import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `dependentSchemas`: a present member brings a subschema. */
export default defineKeyword({ name: "dependentSchemas", vocabulary: "applicator", role: "applicator", since: "2019-09", subschemas: "map", instanceType: "object", settledByCanon: true, random: { build: randomBuilders.subschemaByName } });
