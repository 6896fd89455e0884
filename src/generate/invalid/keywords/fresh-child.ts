import fc, { type Arbitrary } from "fast-check";
import { isObject, type JsonObject } from "../../../schema/json.js";
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
  if (forbidding) return fc.constant(nestedUnderKey(obj, key, breakingFalse(forbidding, null, [])));
  const fresh = env.invalid(roots, env.depthBelow(site));
  return fresh ? fresh.map((inner) => inner && nestedUnderKey(obj, key, inner)) : fc.constant(null);
}

/** A new last item that breaks the schemas of its position (tuple entry or rest keyword). */
export function appendBrokenItem(site: Site, env: MutationEnv): Arbitrary<Violation | null> {
  const arr = site.value as JsonObject[];
  const roots = itemChildren(site.members, arr, site.path, arr.length, env.ctx);
  const forbidding = roots.find((r) => r.located.schema === false);
  if (forbidding) return fc.constant(nestedAsItem(arr, breakingFalse(forbidding, null, [])));
  const fresh = env.invalid(roots, env.depthBelow(site));
  return fresh ? fresh.map((inner) => inner && nestedAsItem(arr, inner)) : fc.constant(null);
}

export function absentKeys(names: readonly string[], value: unknown): string[] {
  return isObject(value) ? names.filter((k) => !Object.prototype.hasOwnProperty.call(value, k)) : [];
}
