import type { Json } from "../../../schema/json.js";
import type { Applied, Site } from "../applied.js";
import { arrayKeywords } from "../children.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { appendBrokenItem } from "./fresh-child.js";
import { itemsFor } from "./item-values.js";

/** True when the item after the last one falls under the keyword (tuple position or rest). */
function nextItemUnder(member: Applied, site: Site, keyword: string): boolean {
  if (!Array.isArray(site.value)) return false;
  const { tuple, prefix, rest } = arrayKeywords(member);
  const next = site.value.length;
  return keyword === tuple && Array.isArray(schemaOf(member)[tuple]) ? next < prefix : keyword === rest && next >= prefix;
}

/** The rest keyword set to `false`: one more item than the tuple allows. */
function restForbids(member: Applied, keyword: string): boolean {
  return schemaOf(member)[keyword] === false && arrayKeywords(member).rest === keyword;
}

/** A mutator for one item keyword: append an item that breaks the schema of its position. */
function itemMutator(keyword: "prefixItems" | "items" | "additionalItems"): Mutator {
  return {
    keyword,
    appliesTo(member, site) {
      return nextItemUnder(member, site, keyword);
    },
    violate(member, site, env) {
      if (!restForbids(member, keyword)) return appendBrokenItem(site, env);
      const arr = site.value as Json[];
      return itemsFor(site, arr.length, 1, env).map((more) => breaking(member, keyword, [...arr, ...more]));
    },
    unbreakable(schema) {
      const v = schema[keyword];
      return v === true || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0) ? `${keyword} allows any item` : undefined;
    },
  };
}

export const prefixItemsMutator = itemMutator("prefixItems");
export const itemsMutator = itemMutator("items");
export const additionalItemsMutator = itemMutator("additionalItems");

/** Items already in the array are broken where they stand, by their own keywords. */
export const ITEM_MUTATORS: readonly Mutator[] = [prefixItemsMutator, itemsMutator, additionalItemsMutator];
