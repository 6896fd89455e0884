import { joinPointer } from "../../../schema/pointer.js";
import type { Mutator } from "../mutator.js";
import { siblingsHold } from "./siblings.js";

/**
 * The mutator, with every replacement it makes at the site checked against the other keywords
 * of the same schema object: one that breaks another as well (a fraction for multipleOf beside
 * type "integer", 0 for type beside an enum of strings) is dropped (null), so a label names the
 * only keyword broken there. Violations deeper in a fresh value were made, and checked, there.
 */
export function alone(m: Mutator): Mutator {
  return {
    ...m,
    violate(member, site, env) {
      const own = joinPointer(member.evalPath, m.keyword);
      return m.violate(member, site, env).map((v) => (v === null || v.instance.length > 0 || v.schemaPath !== own || siblingsHold(member, m.keyword, v.value, env.ctx) ? v : null));
    },
  };
}
