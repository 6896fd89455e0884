import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `if`: selects `then` or `else`; never fails itself. */
export default defineKeyword({ name: "if", vocabulary: "applicator", role: "applicator", since: "draft-07", subschemas: "one", settledByCanon: true, readWith: ["then", "else"], random: { build: randomBuilders.subschema, weight: 2 } });
