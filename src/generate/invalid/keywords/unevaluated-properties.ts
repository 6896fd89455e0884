import fc from "fast-check";
import { isObject, type JsonObject } from "../../../schema/json.js";
import type { Applied, Site } from "../applied.js";
import { propertyEvaluated, step } from "../children.js";
import { withKey } from "../instance.js";
import { breaking, nestedUnderKey, schemaOf, type MutationEnv, type Mutator } from "../mutator.js";
import { unnamedKeys } from "./keys.js";

function allowsAll(v: unknown): boolean {
  return v === true || (isObject(v) && Object.keys(v).length === 0);
}

/** A new key that no schema under `member` evaluates once it is there. */
function unevaluatedKeys(member: Applied, site: Site, env: MutationEnv): string[] {
  const obj = site.value as JsonObject;
  return unnamedKeys(schemaOf(member), Object.keys(obj)).filter((k) => !propertyEvaluated(member, withKey(obj, k, null), site.path, k, env.ctx));
}

/** unevaluatedProperties: a key no properties/patternProperties/additionalProperties under the schema evaluates. */
export const unevaluatedPropertiesMutator: Mutator = {
  keyword: "unevaluatedProperties",
  appliesTo(member, site, env) {
    return isObject(site.value) && !allowsAll(schemaOf(member).unevaluatedProperties) && unevaluatedKeys(member, site, env).length > 0;
  },
  violate(member, site, env) {
    const obj = site.value as JsonObject;
    const keys = unevaluatedKeys(member, site, env);
    if (schemaOf(member).unevaluatedProperties === false) {
      return fc.constantFrom(...keys).map((k) => breaking(member, "unevaluatedProperties", withKey(obj, k, null)));
    }
    const rest = step(member, env.ctx, "unevaluatedProperties");
    const fresh = rest && env.invalid([{ ...rest, conditions: [] }], env.depthBelow(site));
    if (!fresh) return fc.constant(null);
    return fc.constantFrom(...keys).chain((k) => fresh.map((inner) => inner && nestedUnderKey(obj, k, inner)));
  },
  unbreakable(schema) {
    return allowsAll(schema.unevaluatedProperties) ? "unevaluatedProperties allows any value" : undefined;
  },
};
