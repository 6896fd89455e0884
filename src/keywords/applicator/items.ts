import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `items`: items hold the subschema (before 2020-12, a list is a tuple). */
export default defineKeyword({ name: "items", vocabulary: "applicator", role: "applicator", subschemas: "items", instanceType: "array", failsAsItself: true, readWith: ["prefixItems", "additionalItems"], random: { build: (p) => (p.dialect === "2020-12" ? p.subschema : p.fc.oneof(p.subschema, randomBuilders.subschemaList(p))), weight: 2 } });
