import fc, { type Arbitrary } from "fast-check";
import { isObject, type Json, type JsonObject } from "../../../schema/json.js";
import { checkOf, type Applied, type Site } from "../applied.js";
import { propertyChildren, step } from "../children.js";
import { keyPresent } from "../conditions.js";
import { withKey } from "../instance.js";
import { breakingFalse, schemaOf, type MutationEnv, type Mutator, type Violation } from "../mutator.js";

function schemaEntries(schema: Record<string, unknown>, keyword: string): string[] {
  const deps = schema[keyword];
  if (!isObject(deps)) return [];
  return Object.entries(deps)
    .filter(([, d]) => d === false || (isObject(d) && Object.keys(d).length > 0))
    .map(([k]) => k);
}

/** The object with the trigger present: as is, or with a valid value added for it. */
function withTrigger(site: Site, key: string, env: MutationEnv): Arbitrary<JsonObject | null> {
  const obj = site.value as JsonObject;
  if (Object.prototype.hasOwnProperty.call(obj, key)) return fc.constant(obj);
  const roots = propertyChildren(site.members, obj, site.path, key, env.ctx).map((r) => r.located);
  const valid = roots.some((r) => r.schema === false) ? undefined : env.valid({ roots }, env.depthBelow(site));
  return valid ? valid.map((v: Json) => withKey(obj, key, v)) : fc.constant(null);
}

/**
 * dependentSchemas (and the schema form of draft-07 dependencies): the trigger key made present,
 * then one keyword of the dependent schema broken in the object (the dependent schema must
 * still hold before the break, so the label names the one keyword broken).
 */
function dependentSchemaMutator(keyword: "dependentSchemas" | "dependencies"): Mutator {
  return {
    keyword,
    appliesTo(member, site) {
      return isObject(site.value) && schemaEntries(schemaOf(member), keyword).length > 0;
    },
    violate(member, site, env) {
      return fc.constantFrom(...schemaEntries(schemaOf(member), keyword)).chain((key) => {
        const dependent = step({ ...member, conditions: [keyPresent([], key)] }, env.ctx, keyword, key);
        if (!dependent) return fc.constant(null);
        return withTrigger(site, key, env).chain((obj) => breakDependent(obj, dependent, site, env));
      });
    },
    unbreakable(schema) {
      return schemaEntries(schema, keyword).length === 0 ? `no dependent schema of ${keyword} constrains anything` : undefined;
    },
  };
}

function breakDependent(obj: JsonObject | null, dependent: Applied, site: Site, env: MutationEnv): Arbitrary<Violation | null> {
  if (obj === null) return fc.constant(null);
  if (dependent.located.schema === false) return fc.constant(breakingFalse(dependent, obj, []));
  if (!checkOf(env.ctx, dependent.located)(obj)) return fc.constant(null);
  return env.violationsOf(obj, [dependent], env.depthBelow(site) - 1);
}

export const dependentSchemasMutator = dependentSchemaMutator("dependentSchemas");
export const dependenciesSchemaMutator = dependentSchemaMutator("dependencies");
