import { defineKeyword } from "../keyword.js";
import { entriesObject } from "../random.js";

/** `dependentRequired`: a present member brings required names. */
export default defineKeyword({ name: "dependentRequired", vocabulary: "validation", role: "assertion", since: "2019-09", instanceType: "object", random: { build: (p) => entriesObject(p, p.propertyName, p.fc.uniqueArray(p.propertyName, { maxLength: 2 })) } });
