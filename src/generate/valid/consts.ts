import fc, { type Arbitrary } from "fast-check";
import type { Canon } from "../../canonical/canon.js";
import { keywordSites, Unsatisfiable } from "../../canonical/unsatisfiable.js";
import { isEvaluated, isSettledByCanon } from "../../keywords/registry.js";
import { isObject, type Json } from "../../schema/json.js";
import type { Located } from "../../schema/registry.js";
import type { GenContext } from "./context.js";


/**
 * enum/const: the listed values every member accepts and no negation does, decided once at
 * build time (so drawing needs no filter). Members whose only keywords are settled by the
 * intersection (or are annotations) are not asked, which spares compiling them.
 */
export function constsOf(canon: Canon, ctx: GenContext): Arbitrary<Json> {
  const memberChecks = canon.members.filter(needsCheck).map((m) => ctx.check(m));
  const notChecks = canon.nots.map((n) => ctx.check(n));
  const ok = canon.consts!.filter((v) => memberChecks.every((c) => c(v)) && !notChecks.some((c) => c(v)));
  if (ok.length === 0) throw new Unsatisfiable(`no value of ${keywordSites(canon.members, "enum", "const")} satisfies the other keywords${canon.nots.length ? ` and avoids ${canon.nots.map((n) => `not at ${n.pointer}`).join(", ")}` : ""}`);
  if (ok.length === 1) return fc.constant(ok[0]!);
  // By index: constantFrom(...ok) spreads every value as an argument (100,000 for a large enum).
  return fc.integer({ min: 0, max: ok.length - 1 }).map((i) => ok[i]!);
}

/**
 * A member can reject a listed value through a keyword the canon has not settled: types and
 * values were intersected by canonicalise, and applicators were expanded into the members,
 * choices and negations (each checked on its own) — each keyword module says which it is
 * (`settledByCanon`). Annotations (title, x-…) need no check.
 */
function needsCheck(m: Located): boolean {
  return isObject(m.schema) && Object.keys(m.schema).some((k) => isEvaluated(k) && !isSettledByCanon(k));
}
