import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `then`: holds where `if` holds. */
export default defineKeyword({ name: "then", vocabulary: "applicator", role: "applicator", since: "draft-07", subschemas: "one", failsAsItself: true, settledByCanon: true, readWith: ["if", "else"], random: { build: randomBuilders.subschema } });
