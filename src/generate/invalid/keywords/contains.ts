import fc from "fast-check";
import { child } from "../../../canonical/location.js";
import type { Json } from "../../../schema/json.js";
import type { Located } from "../../../schema/registry.js";
import type { Applied, Site } from "../applied.js";
import { checkOf } from "../applied.js";
import { atLeast } from "../../../keywords/dialects.js";
import { breaking, schemaOf, type MutationEnv, type Mutator } from "../mutator.js";
import { itemsFor } from "./item-values.js";

function containsOf(member: Applied, env: MutationEnv): Located | undefined {
  return "contains" in schemaOf(member) ? child(member.located, env.ctx.registry, "contains") : undefined;
}

function countOf(member: Applied, keyword: "minContains" | "maxContains"): number | undefined {
  const v = schemaOf(member)[keyword];
  return atLeast(member.located.dialect, "2019-09") && typeof v === "number" ? v : undefined;
}

/** The array with matching items removed from the end until only `keep` match. */
function keepMatching(site: Site, contains: Located, keep: number, env: MutationEnv): Json[] {
  const matches = checkOf(env.ctx, contains);
  const arr = site.value as Json[];
  let surplus = arr.filter((x) => matches(x)).length - keep;
  const out: Json[] = [];
  for (let i = arr.length - 1; i >= 0; i--) {
    if (surplus > 0 && matches(arr[i]!)) surplus--;
    else out.unshift(arr[i]!);
  }
  return out;
}

/** The array with too few matches: the site's own, or an empty one where valid values are never arrays (contains: false). */
function tooFewMatches(site: Site, contains: Located, keep: number, env: MutationEnv): Json[] {
  return Array.isArray(site.value) ? keepMatching(site, contains, keep, env) : [];
}

/** contains: every matching item removed (an empty array in place of a value that is not one). */
export const containsMutator: Mutator = {
  keyword: "contains",
  appliesTo(member) {
    const min = countOf(member, "minContains");
    return min === undefined || min === 1;
  },
  violate(member, site, env) {
    const contains = containsOf(member, env);
    return fc.constant(contains ? breaking(member, "contains", tooFewMatches(site, contains, 0, env)) : null);
  },
  unbreakable(schema, located) {
    const min = schema.minContains;
    return atLeast(located.dialect, "2019-09") && min === 0 ? "minContains 0 lets contains match nothing" : undefined;
  },
};

/** minContains: matching items removed down to one fewer than the bound (an empty array in place of a non-array). */
export const minContainsMutator: Mutator = {
  keyword: "minContains",
  appliesTo(member) {
    const min = countOf(member, "minContains");
    return "contains" in schemaOf(member) && min !== undefined && min >= 1;
  },
  violate(member, site, env) {
    const contains = containsOf(member, env);
    const min = Math.ceil(countOf(member, "minContains")!);
    return fc.constant(contains ? breaking(member, "minContains", tooFewMatches(site, contains, min - 1, env)) : null);
  },
  unbreakable(schema) {
    return typeof schema.minContains === "number" && schema.minContains <= 0 ? "minContains 0 admits every array" : undefined;
  },
};

/** maxContains: items valid at their position and matching contains appended to one past the bound. */
export const maxContainsMutator: Mutator = {
  keyword: "maxContains",
  appliesTo(member, site) {
    return Array.isArray(site.value) && "contains" in schemaOf(member) && countOf(member, "maxContains") !== undefined;
  },
  violate(member, site, env) {
    const contains = containsOf(member, env);
    if (!contains) return fc.constant(null);
    const arr = site.value as Json[];
    const max = Math.floor(countOf(member, "maxContains")!);
    const matching = arr.filter((x) => checkOf(env.ctx, contains)(x)).length;
    return itemsFor(site, arr.length, max + 1 - matching, env, [contains]).map((more) => {
      const out = [...arr, ...more];
      return out.filter((x) => checkOf(env.ctx, contains)(x)).length > max ? breaking(member, "maxContains", out) : null;
    });
  },
};
