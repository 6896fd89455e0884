import fc from "fast-check";
import { child } from "../../../canonical/location.js";
import type { Json } from "../../../schema/json.js";
import { checkOf, type Applied, type Check } from "../applied.js";
import { breaking, schemaOf, type MutationEnv, type Mutator } from "../mutator.js";
import { probesNear } from "./probes.js";

/** The checks of every subschema of a list keyword (anyOf, oneOf). */
export function branchChecks(member: Applied, keyword: string, env: MutationEnv): Check[] {
  const list = schemaOf(member)[keyword];
  if (!Array.isArray(list)) return [];
  return list.map((_, i) => {
    const c = child(member.located, env.ctx.registry, keyword, String(i));
    return c ? checkOf(env.ctx, c) : () => true;
  });
}

/** Probes near the value that every branch rejects. */
export function matchingNone(v: Json, checks: Check[]): Json[] {
  return probesNear(v).filter((p) => !checks.some((c) => c(p)));
}

/** anyOf: a value next to the valid one that matches no branch (each branch checked by the oracle). */
export const anyOfMutator: Mutator = {
  keyword: "anyOf",
  appliesTo(member, site, env) {
    return Array.isArray(schemaOf(member).anyOf) && matchingNone(site.value, branchChecks(member, "anyOf", env)).length > 0;
  },
  violate(member, site, env) {
    const candidates = matchingNone(site.value, branchChecks(member, "anyOf", env));
    return candidates.length === 0 ? fc.constant(null) : fc.constantFrom(...candidates).map((v) => breaking(member, "anyOf", v));
  },
  unbreakable(schema) {
    const list = schema.anyOf;
    return Array.isArray(list) && list.some((b) => b === true || (typeof b === "object" && b !== null && Object.keys(b).length === 0))
      ? "a branch of anyOf accepts everything"
      : undefined;
  },
};
