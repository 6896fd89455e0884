import fc, { type Arbitrary } from "fast-check";
import { isObject, type Json, type JsonObject } from "../../../schema/json.js";
import type { Site } from "../applied.js";
import { propertyChildren } from "../children.js";
import { withKey, withoutKeys } from "../instance.js";
import { breaking, schemaOf, type MutationEnv, type Mutator } from "../mutator.js";
import { unnamedKeys } from "./keys.js";

function limit(schema: Record<string, unknown>, keyword: string): number | undefined {
  const v = schema[keyword];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Keys every member requires, kept to the last when keys must go. */
function requiredKeys(site: Site): Set<string> {
  return new Set(site.members.flatMap((m) => (Array.isArray(schemaOf(m).required) ? (schemaOf(m).required as string[]) : [])));
}

/** minProperties: optional keys removed (required ones only when nothing else is left) down to one fewer than the bound. */
export const minPropertiesMutator: Mutator = {
  keyword: "minProperties",
  appliesTo(member, site) {
    const min = limit(schemaOf(member), "minProperties");
    return isObject(site.value) && min !== undefined && min > 0;
  },
  violate(member, site) {
    const obj = site.value as JsonObject;
    const min = Math.ceil(limit(schemaOf(member), "minProperties")!);
    const required = requiredKeys(site);
    const keys = Object.keys(obj).sort((a, b) => Number(required.has(a)) - Number(required.has(b)));
    const farther = fc.constantFrom(min - 1, 0).map((n) => Math.max(0, Math.min(n, min - 1)));
    return farther.map((keep) => breaking(member, "minProperties", withoutKeys(obj, keys.slice(0, keys.length - keep))));
  },
  unbreakable(schema) {
    const min = limit(schema, "minProperties");
    return min !== undefined && min <= 0 ? "minProperties 0 admits every object" : undefined;
  },
};

/** maxProperties: keys added (absent named ones with valid values first, then unnamed ones) to one past the bound, or far past it. */
export const maxPropertiesMutator: Mutator = {
  keyword: "maxProperties",
  appliesTo(member, site) {
    return isObject(site.value) && limit(schemaOf(member), "maxProperties") !== undefined;
  },
  violate(member, site, env) {
    const obj = site.value as JsonObject;
    const max = Math.floor(limit(schemaOf(member), "maxProperties")!);
    const count = Object.keys(obj).length;
    return fc.constantFrom(max + 1, max + 1 + Math.min(max + 3, 20)).chain((target) => {
      const keys = keysToAdd(site, member, target - count);
      return fc.tuple(...keys.map((k) => valueFor(site, k, env))).map((values) => {
        let out: JsonObject = obj;
        keys.forEach((k, i) => (out = withKey(out, k, values[i]!)));
        return Object.keys(out).length > max ? breaking(member, "maxProperties", out) : null;
      });
    });
  },
};

function keysToAdd(site: Site, member: Site["members"][number], n: number): string[] {
  const obj = site.value as JsonObject;
  const named = site.members.flatMap((m) => (isObject(schemaOf(m).properties) ? Object.keys(schemaOf(m).properties as object) : []));
  const absent = [...new Set(named)].filter((k) => !Object.prototype.hasOwnProperty.call(obj, k));
  const unnamed = unnamedKeys(schemaOf(member), Object.keys(obj));
  const spare = Array.from({ length: n }, (_, i) => `extra${i}`).filter((k) => !Object.prototype.hasOwnProperty.call(obj, k));
  return [...new Set([...absent, ...unnamed, ...spare])].slice(0, Math.max(0, n));
}

/** A valid value for a new key when its schemas have one, else null (which may break them too). */
function valueFor(site: Site, key: string, env: MutationEnv): Arbitrary<Json> {
  const roots = propertyChildren(site.members, site.value, site.path, key, env.ctx);
  if (roots.some((r) => r.located.schema === false)) return fc.constant(null);
  return env.valid({ roots: roots.map((r) => r.located) }, env.depthBelow(site))?.map((v) => v) ?? fc.constant(null);
}
