import { defineKeyword } from "../keyword.js";

/** `exclusiveMinimum`: the number is above the value (draft-04: a boolean modifying minimum). */
export default defineKeyword({ name: "exclusiveMinimum", vocabulary: "validation", role: "assertion", instanceType: "number", readWith: ["minimum"], readWithUntil: "draft-04", random: { build: (p) => (p.dialect === "draft-04" ? p.fc.boolean() : p.number), companions: (d) => (d === "draft-04" ? ["minimum"] : []) } });
