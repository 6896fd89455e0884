import fc from "fast-check";
import { isObject, type Json } from "../../../schema/json.js";
import type { Applied, Site } from "../applied.js";
import { itemEvaluated, step } from "../children.js";
import { breaking, nestedAsItem, schemaOf, type MutationEnv, type Mutator } from "../mutator.js";

const ITEMS: readonly Json[] = [null, 0, "", true, {}, [], "x", 1.5];

function allowsAll(v: unknown): boolean {
  return v === true || (isObject(v) && Object.keys(v).length === 0);
}

/** True when an item appended to the array is evaluated by no schema under `member`. */
function unevaluatedWhenAppended(member: Applied, site: Site, item: Json, env: MutationEnv): boolean {
  const arr = [...(site.value as Json[]), item];
  return !itemEvaluated(member, arr, site.path, arr.length - 1, env.ctx);
}

/** unevaluatedItems: an item appended past everything prefixItems/items/contains under the schema evaluate. */
export const unevaluatedItemsMutator: Mutator = {
  keyword: "unevaluatedItems",
  appliesTo(member, site, env) {
    return Array.isArray(site.value) && !allowsAll(schemaOf(member).unevaluatedItems) && ITEMS.some((x) => unevaluatedWhenAppended(member, site, x, env));
  },
  violate(member, site, env) {
    const arr = site.value as Json[];
    if (schemaOf(member).unevaluatedItems === false) {
      const items = ITEMS.filter((x) => unevaluatedWhenAppended(member, site, x, env));
      return fc.constantFrom(...items).map((x) => breaking(member, "unevaluatedItems", [...arr, x]));
    }
    const rest = step(member, env.ctx, "unevaluatedItems");
    const fresh = rest && env.invalid([{ ...rest, conditions: [] }], env.depthBelow(site));
    if (!fresh) return fc.constant(null);
    return fresh.map((inner) => (inner && unevaluatedWhenAppended(member, site, inner.value, env) ? nestedAsItem(arr, inner) : null));
  },
  unbreakable(schema) {
    return allowsAll(schema.unevaluatedItems) ? "unevaluatedItems allows any item" : undefined;
  },
};
