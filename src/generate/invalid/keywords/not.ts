import fc, { type Arbitrary } from "fast-check";
import { child } from "../../../canonical/location.js";
import { isObject } from "../../../schema/json.js";
import { checkOf } from "../applied.js";
import { breaking, schemaOf, type Mutator, type Violation } from "../mutator.js";
import { probesNear } from "./probes.js";

/** not: a value the negated schema accepts — a neighbour of the valid one if any matches, else a valid value of the negated schema. */
export const notMutator: Mutator = {
  keyword: "not",
  appliesTo(member) {
    return "not" in schemaOf(member) && schemaOf(member).not !== false;
  },
  violate(member, site, env) {
    const negated = child(member.located, env.ctx.registry, "not");
    if (!negated) return fc.constant(null);
    const matches = checkOf(env.ctx, negated);
    const near = probesNear(site.value).filter((p) => matches(p));
    const parts: Arbitrary<Violation | null>[] = [];
    if (near.length > 0) parts.push(fc.constantFrom(...near).map((v) => breaking(member, "not", v)));
    const valid = env.valid({ roots: [negated] }, env.depthBelow(site) - 1);
    if (valid) parts.push(valid.map((v) => (matches(v) ? breaking(member, "not", v) : null)));
    return parts.length === 0 ? fc.constant(null) : parts.length === 1 ? parts[0]! : fc.oneof(...parts);
  },
  unbreakable(schema) {
    const negated = schema.not;
    const rejectsAll = negated === false || (isObject(negated) && Object.keys(negated).length === 1 && (negated.not === true || (isObject(negated.not) && Object.keys(negated.not).length === 0)));
    return rejectsAll ? "the negated schema rejects everything, so not accepts everything" : undefined;
  },
};
