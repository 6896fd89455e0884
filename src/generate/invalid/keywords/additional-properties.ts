import fc from "fast-check";
import { isObject, type JsonObject } from "../../../schema/json.js";
import { withKey } from "../instance.js";
import { breaking, nestedUnderKey, schemaOf, type Mutator } from "../mutator.js";
import { propertyChildren } from "../children.js";
import { unnamedKeys } from "./keys.js";

/**
 * additionalProperties: a key neither properties nor patternProperties name. With `false`
 * any value breaks it; with a schema, the new key gets a value that breaks that schema.
 */
export const additionalPropertiesMutator: Mutator = {
  keyword: "additionalProperties",
  appliesTo(member, site) {
    const extra = schemaOf(member).additionalProperties;
    if (!isObject(site.value) || extra === true || (isObject(extra) && Object.keys(extra).length === 0)) return false;
    return unnamedKeys(schemaOf(member), Object.keys(site.value)).length > 0;
  },
  violate(member, site, env) {
    const obj = site.value as JsonObject;
    const keys = unnamedKeys(schemaOf(member), Object.keys(obj));
    if (schemaOf(member).additionalProperties === false) {
      return fc.constantFrom(...keys).map((k) => breaking(member, "additionalProperties", withKey(obj, k, null)));
    }
    return fc.constantFrom(...keys).chain((k) => {
      const roots = propertyChildren(site.members, obj, site.path, k, env.ctx);
      const fresh = env.invalid(roots, env.depthBelow(site));
      return fresh ? fresh.map((inner) => inner && nestedUnderKey(obj, k, inner)) : fc.constant(null);
    });
  },
  unbreakable(schema) {
    const extra = schema.additionalProperties;
    return extra === true || (isObject(extra) && Object.keys(extra).length === 0) ? "additionalProperties allows any value" : undefined;
  },
};
