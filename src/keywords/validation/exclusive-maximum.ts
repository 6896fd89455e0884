import { defineKeyword } from "../keyword.js";

/** `exclusiveMaximum`: the number is below the value (draft-04: a boolean modifying maximum). */
export default defineKeyword({ name: "exclusiveMaximum", vocabulary: "validation", role: "assertion", instanceType: "number", readWith: ["maximum"], readWithUntil: "draft-04", random: { build: (p) => (p.dialect === "draft-04" ? p.fc.boolean() : p.number), companions: (d) => (d === "draft-04" ? ["maximum"] : []) } });
