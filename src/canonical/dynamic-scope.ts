import { isObject } from "../schema/json.js";
import { joinPointer } from "../schema/pointer.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import { directSubschemas } from "../schema/subschemas.js";
import { fragmentOf } from "../schema/uri.js";

/**
 * Dynamic scope, as the specification defines it for `$dynamicRef` (2020-12) and
 * `$recursiveRef` (2019-09): the schema resources entered on the way from the target to a
 * schema. A located schema carries its scope only when the target can reach a dynamic
 * reference; everywhere else the scope is left out so that memo keys stay shared.
 */

/** `target` entered from a schema whose scope is `outer`: the scope gains target's resource (once). */
export function enterScope(target: Located, outer: readonly string[] | undefined): Located {
  if (outer === undefined) return target;
  const scope = outer.includes(target.base) ? outer : [...outer, target.base];
  return { ...target, scope };
}

/** The start of evaluation: the target's own resource is the outermost scope. */
export function startScope(target: Located): Located {
  return { ...target, scope: [target.base] };
}

/**
 * 2020-12: when the static target carries a `$dynamicAnchor` of the fragment's name, the
 * outermost resource in scope with a `$dynamicAnchor` of that name wins.
 */
export function dynamicRefTarget(from: Located, ref: string, initial: Located, registry: SchemaRegistry): Located {
  const name = decodeURIComponent(fragmentOf(ref));
  if (name === "" || name.startsWith("/") || !isObject(initial.schema) || initial.schema.$dynamicAnchor !== name) return initial;
  for (const base of from.scope ?? []) {
    const found = registry.dynamicAnchor(base, name);
    if (found) return found;
  }
  return initial;
}

/**
 * 2019-09: `$recursiveRef` resolves like `$ref: "#"`; when that resource root says
 * `$recursiveAnchor: true`, the outermost resource in scope that says so too wins.
 */
export function recursiveRefTarget(from: Located, initial: Located, registry: SchemaRegistry): Located {
  if (!isObject(initial.schema) || initial.schema.$recursiveAnchor !== true) return initial;
  for (const base of from.scope ?? []) {
    const found = registry.dynamicAnchor(base, "");
    if (found && found.pointer === registry.lookup(base)?.pointer) return found;
  }
  return initial;
}

const reachMemo = new WeakMap<SchemaRegistry, Map<string, boolean>>();

/**
 * True when evaluating `root` can meet a `$dynamicRef` or `$recursiveRef` (through any
 * subschema and any static `$ref`): only then does generation track dynamic scope.
 */
export function reachesDynamicReference(root: Located, registry: SchemaRegistry): boolean {
  if (!registry.hasDynamicReferences) return false;
  let memo = reachMemo.get(registry);
  if (!memo) reachMemo.set(registry, (memo = new Map()));
  const seen = new Set<string>();
  const stack: Located[] = [root];
  let found = false;
  while (stack.length > 0 && !found) {
    const l = stack.pop()!;
    const key = l.document.uri + "#" + l.pointer;
    if (seen.has(key)) continue;
    seen.add(key);
    const known = memo.get(key);
    if (known !== undefined) {
      found = known;
      continue;
    }
    if (!isObject(l.schema)) continue;
    if (typeof l.schema.$dynamicRef === "string" || typeof l.schema.$recursiveRef === "string") found = true;
    for (const next of neighbours(l, registry)) stack.push(next);
  }
  memo.set(root.document.uri + "#" + root.pointer, found);
  return found;
}

function neighbours(l: Located, registry: SchemaRegistry): Located[] {
  const out: Located[] = [];
  for (const sub of directSubschemas(l.schema)) {
    const c = registry.locate(l.document, joinPointer(l.pointer, ...sub.tokens));
    if (c) out.push(c);
  }
  const ref = isObject(l.schema) ? l.schema.$ref : undefined;
  if (typeof ref === "string") {
    try {
      out.push(registry.resolve(l, ref, joinPointer(l.pointer, "$ref")));
    } catch {
      // An unresolvable ref is reported where it is followed.
    }
  }
  return out;
}
