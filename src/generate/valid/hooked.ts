import fc, { type Arbitrary } from "fast-check";
import type { Canon } from "../../canonical/canon.js";
import { userFormat } from "../../keywords/formats.js";
import { hooksIn } from "../../keywords/registry.js";
import { isObject, type Json } from "../../schema/json.js";
import type { Located } from "../../schema/registry.js";

/**
 * Valid generation for keywords and formats that keyword modules bring (src/keywords/):
 * their candidates, and whether the oracle must check what the type generators built.
 */

/** True when some member has a keyword with its own check or a user's format: the type generators cannot honour it by construction. */
export function needsHookCheck(members: readonly Located[]): boolean {
  return members.some((m) => isObject(m.schema) && (userFormat(m.schema.format) !== undefined || hooksIn(m.schema, m.dialect).some(({ keyword }) => keyword.hooks?.validate !== undefined || keyword.hooks?.ajvOptions !== undefined)));
}

/** The values keyword modules and user formats offer for these members (each still checked by the oracle). */
export function hookCandidates(canon: Canon): Arbitrary<Json>[] {
  const out: Arbitrary<Json>[] = [];
  for (const m of canon.members) {
    if (!isObject(m.schema)) continue;
    const format = userFormat(m.schema.format);
    if (format?.valid) out.push(format.valid(fc) as Arbitrary<Json>);
    for (const { keyword, value } of hooksIn(m.schema, m.dialect)) {
      const arb = keyword.hooks?.generate?.(fc, value, m.schema);
      if (arb) out.push(arb as Arbitrary<Json>);
    }
  }
  return out;
}
