import fc from "fast-check";
import type { Json } from "../../../schema/json.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { itemsFor } from "./item-values.js";

function limit(schema: Record<string, unknown>, keyword: string): number | undefined {
  const v = schema[keyword];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** minItems: the array cut to one item fewer than the bound, or emptied. */
export const minItemsMutator: Mutator = {
  keyword: "minItems",
  appliesTo(member, site) {
    const min = limit(schemaOf(member), "minItems");
    return Array.isArray(site.value) && min !== undefined && min > 0;
  },
  violate(member, site) {
    const arr = site.value as Json[];
    const min = Math.ceil(limit(schemaOf(member), "minItems")!);
    return fc.constantFrom(min - 1, 0).map((n) => breaking(member, "minItems", arr.slice(0, Math.max(0, Math.min(n, min - 1)))));
  },
  unbreakable(schema) {
    const min = limit(schema, "minItems");
    return min !== undefined && min <= 0 ? "minItems 0 admits every array" : undefined;
  },
};

/** maxItems: valid items for the next positions appended to one past the bound, or far past it. */
export const maxItemsMutator: Mutator = {
  keyword: "maxItems",
  appliesTo(member, site) {
    return Array.isArray(site.value) && limit(schemaOf(member), "maxItems") !== undefined;
  },
  violate(member, site, env) {
    const arr = site.value as Json[];
    const max = Math.floor(limit(schemaOf(member), "maxItems")!);
    return fc
      .constantFrom(max + 1, max + 1 + Math.min(max + 3, 20))
      .chain((length) => itemsFor(site, arr.length, length - arr.length, env))
      .map((more) => breaking(member, "maxItems", [...arr, ...more]));
  },
};
