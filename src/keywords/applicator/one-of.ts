import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `oneOf`: exactly one subschema holds. */
export default defineKeyword({ name: "oneOf", vocabulary: "applicator", role: "applicator", subschemas: "list", settledByCanon: true, random: { build: randomBuilders.subschemaList, weight: 2 } });
