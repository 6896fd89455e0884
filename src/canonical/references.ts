import { joinPointer } from "../schema/pointer.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import { isObject } from "../schema/json.js";

/**
 * The schema a reference keyword of `l` names, or undefined when `l` has none.
 * `$dynamicRef` and `$recursiveRef` resolve statically here (their initial target);
 * an unresolvable reference throws InputError naming the file and pointer.
 */
export function resolveReference(l: Located, registry: SchemaRegistry, keyword = "$ref"): Located | undefined {
  if (!isObject(l.schema)) return undefined;
  const ref = l.schema[keyword];
  if (typeof ref !== "string") return undefined;
  return registry.resolve(l, keyword === "$recursiveRef" ? "#" : ref, joinPointer(l.pointer, keyword));
}
