import { defineKeyword } from "../keyword.js";
import { randomBuilders } from "../random.js";

/** `required`: the object has every named member. */
export default defineKeyword({ name: "required", vocabulary: "validation", role: "assertion", instanceType: "object", random: { build: randomBuilders.names, weight: 2 } });
