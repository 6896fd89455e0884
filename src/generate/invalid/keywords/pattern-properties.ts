import fc from "fast-check";
import { isObject } from "../../../schema/json.js";
import { schemaOf, type Mutator } from "../mutator.js";
import { addBrokenProperty } from "./fresh-child.js";
import { stringsMatching } from "./pattern-keys.js";

function drivablePatterns(schema: Record<string, unknown>): string[] {
  return isObject(schema.patternProperties) ? Object.keys(schema.patternProperties).filter((p) => stringsMatching(p) !== null) : [];
}

/** patternProperties: a new key matching one pattern, with a value that breaks the schemas of that key. */
export const patternPropertiesMutator: Mutator = {
  keyword: "patternProperties",
  appliesTo(member, site) {
    return isObject(site.value) && drivablePatterns(schemaOf(member)).length > 0;
  },
  violate(member, site, env) {
    const taken = Object.keys(site.value as object);
    return fc
      .constantFrom(...drivablePatterns(schemaOf(member)))
      .chain((p) => stringsMatching(p)!)
      .chain((key) => (taken.includes(key) ? fc.constant(null) : addBrokenProperty(site, key, env)));
  },
};
