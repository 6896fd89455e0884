import fc from "fast-check";
import { isObject, type JsonObject } from "../../../schema/json.js";
import type { Applied, Site } from "../applied.js";
import { propertyChildren } from "../children.js";
import { withKey, withoutKeys } from "../instance.js";
import { breaking, schemaOf, type MutationEnv, type Mutator } from "../mutator.js";

/** Every (trigger, dependent) pair of the keyword's list entries. */
export function pairs(schema: Record<string, unknown>, keyword: string): Array<[string, string]> {
  const deps = schema[keyword];
  if (!isObject(deps)) return [];
  return Object.entries(deps).flatMap(([k, list]) =>
    Array.isArray(list) ? list.filter((d): d is string => typeof d === "string" && d !== k).map((d): [string, string] => [k, d]) : [],
  );
}

/** The trigger present (added with a valid value if absent) and the dependent absent. */
function breakPair(member: Applied, site: Site, env: MutationEnv, keyword: string, [trigger, dependent]: [string, string]) {
  const obj = withoutKeys(site.value as JsonObject, [dependent]);
  if (Object.prototype.hasOwnProperty.call(obj, trigger)) return fc.constant(breaking(member, keyword, obj));
  const roots = propertyChildren(site.members, obj, site.path, trigger, env.ctx).map((r) => r.located);
  const valid = roots.some((r) => r.schema === false) ? undefined : env.valid({ roots }, env.depthBelow(site));
  return (valid ?? fc.constant(null)).map((v) => breaking(member, keyword, withKey(obj, trigger, v)));
}

/** dependentRequired (and the list form of draft-07 dependencies): a trigger key present without one of its dependents. */
function dependentListMutator(keyword: "dependentRequired" | "dependencies"): Mutator {
  return {
    keyword,
    appliesTo(member, site) {
      return isObject(site.value) && pairs(schemaOf(member), keyword).length > 0;
    },
    violate(member, site, env) {
      return fc.constantFrom(...pairs(schemaOf(member), keyword)).chain((pair) => breakPair(member, site, env, keyword, pair));
    },
    unbreakable(schema) {
      return pairs(schema, keyword).length === 0 ? `${keyword} lists no dependent property` : undefined;
    },
  };
}

export const dependentRequiredMutator = dependentListMutator("dependentRequired");
export const dependenciesListMutator = dependentListMutator("dependencies");
