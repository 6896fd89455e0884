import fc, { type Arbitrary } from "fast-check";
import type { Json } from "../../../schema/json.js";
import type { Located } from "../../../schema/registry.js";
import type { Site } from "../applied.js";
import { itemChildren } from "../children.js";
import type { MutationEnv } from "../mutator.js";

/** Valid items for positions `from`.. of the site's array (with `extra` schemas to satisfy too); null where none can be built. */
export function itemsFor(site: Site, from: number, count: number, env: MutationEnv, extra: Located[] = []): Arbitrary<Json[]> {
  const arr = site.value as Json[];
  const slots: Arbitrary<Json>[] = [];
  for (let i = from; i < from + count; i++) {
    const roots = itemChildren(site.members, arr, site.path, i, env.ctx).map((r) => r.located);
    const valid = roots.some((r) => r.schema === false) ? undefined : env.valid({ roots: [...roots, ...extra] }, env.depthBelow(site));
    slots.push(valid ?? fc.constant(null));
  }
  return fc.tuple(...slots);
}
