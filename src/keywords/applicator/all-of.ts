import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `allOf`: every subschema holds. */
export default defineKeyword({ name: "allOf", vocabulary: "applicator", role: "applicator", subschemas: "list", settledByCanon: true, random: { build: randomBuilders.subschemaList, weight: 2 } });
