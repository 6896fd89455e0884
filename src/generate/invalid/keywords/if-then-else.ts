import fc, { type Arbitrary } from "fast-check";
import { child, locationKey } from "../../../canonical/location.js";
import type { Json } from "../../../schema/json.js";
import { checkOf, type Applied, type Site } from "../applied.js";
import { breaking, schemaOf, type MutationEnv, type Mutator, type Violation } from "../mutator.js";
import { probesNear } from "./probes.js";

/**
 * then / else: a value that selects the branch (if matches for then, fails for else) and
 * breaks it — a neighbour of the valid value, or a valid value of the site with the
 * condition forced and the branch left unenforced.
 */
function branchMutator(branch: "then" | "else"): Mutator {
  return {
    keyword: branch,
    appliesTo(member) {
      return "if" in schemaOf(member) && schemaOf(member)[branch] !== true;
    },
    violate(member, site, env) {
      const ifLoc = child(member.located, env.ctx.registry, "if");
      const branchLoc = child(member.located, env.ctx.registry, branch);
      if (!ifLoc || !branchLoc) return fc.constant(null);
      const selects = (v: Json) => checkOf(env.ctx, ifLoc)(v) === (branch === "then");
      const breaks = (v: Json) => selects(v) && !checkOf(env.ctx, branchLoc)(v);
      const parts: Arbitrary<Violation | null>[] = [];
      const near = probesNear(site.value).filter(breaks);
      if (near.length > 0) parts.push(fc.constantFrom(...near).map((v) => breaking(member, branch, v)));
      const forced = forcedCondition(member, site, env, branch, ifLoc);
      if (forced) parts.push(forced.map((v) => (breaks(v) ? breaking(member, branch, v) : null)));
      return parts.length === 0 ? fc.constant(null) : parts.length === 1 ? parts[0]! : fc.oneof(...parts);
    },
  };
}

/** Valid values of the site's schemas with this if/then/else decided: `if` required for then, negated for else. */
function forcedCondition(member: Applied, site: Site, env: MutationEnv, branch: "then" | "else", ifLoc: Applied["located"]): Arbitrary<Json> | undefined {
  const roots = site.roots.map((r) => r.located);
  const decided = [`${locationKey(member.located)}/if`];
  const spec = branch === "then" ? { roots: [...roots, ifLoc], decided } : { roots, nots: [ifLoc], decided };
  return env.valid(spec, env.depthBelow(site) - 1);
}

export const thenMutator = branchMutator("then");
export const elseMutator = branchMutator("else");
