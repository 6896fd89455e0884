import fc, { type Arbitrary } from "fast-check";
import { isObject, type Json, type JsonObject } from "../../../schema/json.js";
import { withKey } from "../instance.js";
import type { Site } from "../applied.js";
import { itemChildren, propertyChildren } from "../children.js";
import { breakingFalse, nestedAsItem, nestedUnderKey, type MutationEnv, type Violation } from "../mutator.js";

/**
 * A new property `key` whose value breaks the schemas that apply to it (all members'
 * properties/patternProperties/additionalProperties for that key); a `false` one among them
 * is broken by any value.
 */
export function addBrokenProperty(site: Site, key: string, env: MutationEnv): Arbitrary<Violation | null> {
  const obj = site.value as JsonObject;
  const roots = propertyChildren(site.members, obj, site.path, key, env.ctx);
  const forbidding = roots.find((r) => r.located.schema === false);
  if (forbidding) return fc.constant(placedFalse(breakingFalse(forbidding, null, []), withKey(obj, key, null), (inner) => nestedUnderKey(obj, key, inner)));
  const fresh = env.invalid(roots, env.depthBelow(site));
  return fresh ? fresh.map((inner) => inner && nestedUnderKey(obj, key, inner)) : fc.constant(null);
}

/** A new last item that breaks the schemas of its position (tuple entry or rest keyword). */
export function appendBrokenItem(site: Site, env: MutationEnv): Arbitrary<Violation | null> {
  const arr = site.value as JsonObject[];
  const roots = itemChildren(site.members, arr, site.path, arr.length, env.ctx);
  const forbidding = roots.find((r) => r.located.schema === false);
  if (forbidding) return fc.constant(placedFalse(breakingFalse(forbidding, null, []), [...arr, null], (inner) => nestedAsItem(arr, inner)));
  const fresh = env.invalid(roots, env.depthBelow(site));
  return fresh ? fresh.map((inner) => inner && nestedAsItem(arr, inner)) : fc.constant(null);
}

/**
 * A `false` that is a keyword's whole value (additionalProperties, items...) is evaluated on the
 * container, like ajv reports it; a `false` entry (properties/x, prefixItems/0) on the new value.
 */
function placedFalse(inner: Violation, container: Json, nest: (inner: Violation) => Violation): Violation {
  return inner.keyword === "false" ? nest(inner) : { ...inner, value: container, instance: [] };
}

export function absentKeys(names: readonly string[], value: unknown): string[] {
  return isObject(value) ? names.filter((k) => !Object.prototype.hasOwnProperty.call(value, k)) : [];
}
