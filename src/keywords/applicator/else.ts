import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `else`: holds where `if` fails. */
export default defineKeyword({ name: "else", vocabulary: "applicator", role: "applicator", since: "draft-07", subschemas: "one", failsAsItself: true, settledByCanon: true, readWith: ["if", "then"], random: { build: randomBuilders.subschema } });
