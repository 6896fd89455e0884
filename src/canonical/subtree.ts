import type { Located } from "../schema/registry.js";
import { locationKey } from "./location.js";

/**
 * The members at or below `m`: those whose chain of parents (who brought whom in by $ref,
 * allOf or a chosen branch) reaches `m`. unevaluatedProperties/Items of `m` see only these.
 */
export function subtreeOf(m: Located, members: Located[], parents: ReadonlyMap<string, string> | undefined): Located[] {
  const target = locationKey(m);
  if (!parents) return [m];
  return members.filter((x) => {
    let key: string | undefined = locationKey(x);
    const seen = new Set<string>();
    while (key !== undefined && !seen.has(key)) {
      if (key === target) return true;
      seen.add(key);
      key = parents.get(key);
    }
    return false;
  });
}
