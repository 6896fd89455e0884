import { defineKeyword } from "../keyword.js";
import { entriesObject } from "../random.js";

/** `dependencies`: a present member brings a subschema or required names (split in 2019-09 into dependentSchemas and dependentRequired; ajv still applies it there, and so do the oracle and valid generation). */
export default defineKeyword({ name: "dependencies", vocabulary: "applicator", role: "applicator", until: "draft-07", subschemas: "dependencies", keptForCompatibility: true, instanceType: "object", random: { build: (p) => entriesObject(p, p.propertyName, p.fc.oneof(p.subschema, p.fc.uniqueArray(p.propertyName, { minLength: p.dialect === "draft-04" ? 1 : 0, maxLength: 2 }))) } });
