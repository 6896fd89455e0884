import { defineKeyword } from "../keyword.js";

/** `not`: the subschema fails. */
export default defineKeyword({ name: "not", vocabulary: "applicator", role: "applicator", subschemas: "one", failsAsItself: true, settledByCanon: true });
