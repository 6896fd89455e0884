import fc from "fast-check";
import { isObject } from "../../../schema/json.js";
import { schemaOf, type Mutator } from "../mutator.js";
import { absentKeys, addBrokenProperty } from "./fresh-child.js";

function propertyNames(schema: Record<string, unknown>): string[] {
  return isObject(schema.properties) ? Object.keys(schema.properties) : [];
}

/**
 * properties: a named property the valid value left out (optional, or beyond the depth cap)
 * added with a value that breaks its schema; a property whose schema is `false` added at all.
 * Properties already present are broken where they stand, by their own keywords.
 */
export const propertiesMutator: Mutator = {
  keyword: "properties",
  appliesTo(member, site) {
    return absentKeys(propertyNames(schemaOf(member)), site.value).length > 0;
  },
  violate(member, site, env) {
    const keys = absentKeys(propertyNames(schemaOf(member)), site.value);
    return fc.constantFrom(...keys).chain((k) => addBrokenProperty(site, k, env));
  },
};
