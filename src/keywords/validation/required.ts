import { defineKeyword } from "../keyword.js";

/** `required`: the object has every named member. */
export default defineKeyword({ name: "required", vocabulary: "validation", role: "assertion", instanceType: "object" });
