import { joinPointer } from "../schema/pointer.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import { isObject } from "../schema/json.js";
import { dynamicRefTarget, enterScope, recursiveRefTarget } from "./dynamic-scope.js";

/**
 * The schema a reference keyword of `l` names, or undefined when `l` has none.
 * `$dynamicRef` and `$recursiveRef` follow the dynamic scope `l` carries (static
 * resolution when it carries none); an unresolvable reference throws InputError
 * naming the file and pointer.
 */
export function resolveReference(l: Located, registry: SchemaRegistry, keyword = "$ref"): Located | undefined {
  if (!isObject(l.schema)) return undefined;
  const ref = l.schema[keyword];
  if (typeof ref !== "string") return undefined;
  const initial = registry.resolve(l, keyword === "$recursiveRef" ? "#" : ref, joinPointer(l.pointer, keyword));
  let target = initial;
  if (keyword === "$dynamicRef") target = dynamicRefTarget(l, ref, initial, registry);
  if (keyword === "$recursiveRef") target = recursiveRefTarget(l, initial, registry);
  return enterScope(target, l.scope);
}
