import { isObject } from "../schema/json.js";

/**
 * ajv (8.20, without allErrors) skips the property name `""` in `required`,
 * `dependentRequired` and list `dependencies`: its generated check takes the missing name for
 * "none missing" because `""` is falsy, so `{}` passes `{"required": [""]}` (found by
 * `--random-schemas`: seven validators against ajv). The oracle reads such a list without
 * `""` and adds, in `allOf`, the same demand written with `properties` and `not`, which ajv
 * gets right: key `k` is present where `{"properties": {k: {"not": {}}}}` fails.
 */
export function requireEmptyNames(node: Record<string, unknown>): Record<string, unknown> {
  const demands: unknown[] = [];
  const out: Record<string, unknown> = { ...node };
  if (Array.isArray(node.required) && node.required.includes("")) {
    out.required = node.required.filter((n) => n !== "");
    demands.push(orNotObject(present("")));
  }
  for (const keyword of ["dependentRequired", "dependencies"]) {
    const map = node[keyword];
    if (!isObject(map)) continue;
    const lists = Object.entries(map as Record<string, unknown>).filter(([, v]) => Array.isArray(v) && v.includes(""));
    if (lists.length === 0) continue;
    out[keyword] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, Array.isArray(v) ? v.filter((n) => n !== "") : v]));
    for (const [trigger] of lists) demands.push(orNotObject(absent(trigger), present("")));
  }
  if (demands.length === 0) return node;
  out.allOf = [...(Array.isArray(node.allOf) ? node.allOf : []), ...demands];
  return out;
}

// `{"not": {}}`, not `false`: draft-04 has no boolean schemas.
const absent = (name: string) => ({ properties: { [name]: { not: {} } } });
const present = (name: string) => ({ not: absent(name) });
const orNotObject = (...branches: unknown[]) => ({ anyOf: [{ not: { type: "object" } }, ...branches] });
