import fc, { type Arbitrary } from "fast-check";
import { child, locationKey } from "../../../canonical/location.js";
import { isObject, type Json } from "../../../schema/json.js";
import type { Located } from "../../../schema/registry.js";
import type { Applied, Site } from "../applied.js";
import { breaking, schemaOf, type MutationEnv, type Mutator, type Violation } from "../mutator.js";
import { branchChecks, matchingNone } from "./any-of.js";

/** At most this many branch pairs are tried for a value matching two branches. */
const PAIRS = 10;

function branchPairs(n: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n && out.length < PAIRS; i++) for (let j = i + 1; j < n && out.length < PAIRS; j++) out.push([i, j]);
  return out;
}

/** Valid values of the site that satisfy two branches at once (oneOf left open), checked to match both. */
function matchingTwo(member: Applied, site: Site, env: MutationEnv): Arbitrary<Violation | null> | undefined {
  const n = (schemaOf(member).oneOf as unknown[]).length;
  const checks = branchChecks(member, "oneOf", env);
  const builds: Array<Arbitrary<Violation | null>> = [];
  for (const [i, j] of branchPairs(n)) {
    const bi = child(member.located, env.ctx.registry, "oneOf", String(i));
    const bj = child(member.located, env.ctx.registry, "oneOf", String(j));
    if (!bi || !bj) continue;
    const roots: Located[] = [...site.roots.map((r) => r.located), bi, bj];
    const valid = env.valid({ roots, decided: [`${locationKey(member.located)}/oneOf`] }, env.depthBelow(site) - 1);
    if (valid) builds.push(valid.map((v: Json) => (checks[i]!(v) && checks[j]!(v) ? breaking(member, "oneOf", v) : null)));
  }
  return builds.length === 0 ? undefined : fc.oneof(...builds);
}

/** oneOf: a value matching two branches where the schema allows one, else a value next to the valid one matching none. */
export const oneOfMutator: Mutator = {
  keyword: "oneOf",
  appliesTo(member) {
    return Array.isArray(schemaOf(member).oneOf);
  },
  violate(member, site, env) {
    const none = matchingNone(site.value, branchChecks(member, "oneOf", env));
    const noneArb = none.length > 0 ? fc.constantFrom(...none).map((v) => breaking(member, "oneOf", v)) : undefined;
    const two = matchingTwo(member, site, env);
    const parts = [two, noneArb].filter((a): a is Arbitrary<Violation | null> => a !== undefined);
    return parts.length === 0 ? fc.constant(null) : parts.length === 1 ? parts[0]! : fc.oneof(...parts);
  },
  unbreakable(schema) {
    const list = schema.oneOf;
    if (!Array.isArray(list)) return undefined;
    const open = list.filter((b) => b === true || (isObject(b) && Object.keys(b).length === 0)).length;
    return open === 1 && list.every((b) => b === false || b === true || (isObject(b) && Object.keys(b).length === 0)) ? "one branch accepts everything and the others nothing" : undefined;
  },
};
