import fc from "fast-check";
import { child } from "../../../canonical/location.js";
import { isObject, type JsonObject } from "../../../schema/json.js";
import { joinPointer } from "../../../schema/pointer.js";
import { withKey } from "../instance.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";

/**
 * propertyNames: a new key that breaks the name schema (its maxLength, pattern, enum...).
 * The label is the name schema's keyword at the object; with `false`, any key breaks propertyNames.
 */
export const propertyNamesMutator: Mutator = {
  keyword: "propertyNames",
  appliesTo(member, site) {
    const names = schemaOf(member).propertyNames;
    return isObject(site.value) && names !== true && !(isObject(names) && Object.keys(names).length === 0);
  },
  violate(member, site, env) {
    const obj = site.value as JsonObject;
    if (schemaOf(member).propertyNames === false) return fc.constant(breaking(member, "propertyNames", withKey(obj, "a", null)));
    const located = child(member.located, env.ctx.registry, "propertyNames");
    const fresh = located && env.invalid([{ located, evalPath: joinPointer(member.evalPath, "propertyNames"), conditions: [] }], env.depthBelow(site));
    if (!fresh) return fc.constant(null);
    return fresh.map((inner) => {
      if (!inner || typeof inner.value !== "string" || Object.prototype.hasOwnProperty.call(obj, inner.value)) return null;
      return { ...inner, value: withKey(obj, inner.value, null), instance: [] };
    });
  },
  unbreakable(schema) {
    const names = schema.propertyNames;
    return names === true || (isObject(names) && Object.keys(names).length === 0) ? "propertyNames allows every name" : undefined;
  },
};
