import fc from "fast-check";
import { isObject, type JsonObject } from "../../../schema/json.js";
import { withoutKeys } from "../instance.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";

function presentRequired(schema: Record<string, unknown>, value: unknown): string[] {
  if (!isObject(value) || !Array.isArray(schema.required)) return [];
  return schema.required.filter((k): k is string => typeof k === "string" && Object.prototype.hasOwnProperty.call(value, k));
}

/** required: one listed property removed — any of them, not only the first. */
export const requiredMutator: Mutator = {
  keyword: "required",
  appliesTo(member, site) {
    return presentRequired(schemaOf(member), site.value).length > 0;
  },
  violate(member, site) {
    const names = presentRequired(schemaOf(member), site.value);
    return fc.constantFrom(...names).map((name) => breaking(member, "required", withoutKeys(site.value as JsonObject, [name])));
  },
  unbreakable(schema) {
    return Array.isArray(schema.required) && schema.required.length === 0 ? "required lists no property" : undefined;
  },
};
