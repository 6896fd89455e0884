import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `prefixItems`: each leading item holds its position's subschema. */
export default defineKeyword({ name: "prefixItems", vocabulary: "applicator", role: "applicator", since: "2020-12", subschemas: "list", instanceType: "array", readWith: ["items", "additionalItems"], random: { build: randomBuilders.subschemaList, weight: 2 } });
