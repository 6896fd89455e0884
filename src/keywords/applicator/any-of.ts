import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `anyOf`: at least one subschema holds. */
export default defineKeyword({ name: "anyOf", vocabulary: "applicator", role: "applicator", subschemas: "list", settledByCanon: true, random: { build: randomBuilders.subschemaList, weight: 2 } });
