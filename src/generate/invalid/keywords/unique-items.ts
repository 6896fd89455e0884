import fc from "fast-check";
import type { Json } from "../../../schema/json.js";
import { reorderKeys } from "../instance.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { itemsFor } from "./item-values.js";

/**
 * uniqueItems: one item replaced by a copy of another, keys in reverse order (equal as JSON,
 * different as text); a one-item array gets the copy appended, an empty one a valid pair.
 */
export const uniqueItemsMutator: Mutator = {
  keyword: "uniqueItems",
  appliesTo(member, site) {
    return Array.isArray(site.value) && schemaOf(member).uniqueItems === true;
  },
  violate(member, site, env) {
    const arr = site.value as Json[];
    if (arr.length === 0) return itemsFor(site, 0, 1, env).map(([x]) => breaking(member, "uniqueItems", [x!, reorderKeys(x!)]));
    if (arr.length === 1) return fc.constant(breaking(member, "uniqueItems", [arr[0]!, reorderKeys(arr[0]!)]));
    return fc
      .tuple(fc.nat(arr.length - 1), fc.nat(arr.length - 2))
      .map(([from, offset]) => {
        const to = (from + 1 + offset) % arr.length;
        const copy = [...arr];
        copy[to] = reorderKeys(arr[from]!);
        return breaking(member, "uniqueItems", copy);
      });
  },
  unbreakable(schema) {
    return schema.uniqueItems === true ? undefined : "uniqueItems is not true";
  },
};
