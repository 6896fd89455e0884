import { defineKeyword } from "../keyword.js";

/** `dependentRequired`: a present member brings required names. */
export default defineKeyword({ name: "dependentRequired", vocabulary: "validation", role: "assertion", since: "2019-09", instanceType: "object" });
