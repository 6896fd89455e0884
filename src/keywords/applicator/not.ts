import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `not`: the subschema fails. */
export default defineKeyword({ name: "not", vocabulary: "applicator", role: "applicator", subschemas: "one", failsAsItself: true, settledByCanon: true, random: { build: randomBuilders.subschema } });
