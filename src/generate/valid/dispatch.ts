import fc, { type Arbitrary } from "fast-check";
import type { Canon, CanonInput, Disjunction } from "../../canonical/canon.js";
import { Unsatisfiable } from "../../canonical/unsatisfiable.js";
import type { Json } from "../../schema/json.js";
import { boundedFilter } from "./bounded-filter.js";
import type { GenContext } from "./context.js";
import { TYPE_GENERATORS } from "./types/index.js";
import type { Built } from "./type-generator.js";

/** The arbitrary of valid values of a conjunction of schemas; throws Unsatisfiable. */
export function validArbitraryOf(input: CanonInput, ctx: GenContext, depth: number): Arbitrary<Json> {
  return ctx.arbitrary(input, depth, (canon, d) => buildCanon(canon, ctx, d));
}

function buildCanon(canon: Canon, ctx: GenContext, depth: number): Arbitrary<Json> {
  if (canon.disjunctions.length > 0) return chooseBranch(canon, canon.disjunctions[0]!, ctx, depth);
  const built = canon.consts !== null ? fromConsts(canon, ctx) : fromTypes(canon, ctx, depth);
  return guard(canon, built, ctx);
}

/** One arbitrary per satisfiable branch of the first open choice; at the depth cap, the first that builds. */
function chooseBranch(canon: Canon, d: Disjunction, ctx: GenContext, depth: number): Arbitrary<Json> {
  const arbs: Arbitrary<Json>[] = [];
  for (const branch of d.branches) {
    const input: CanonInput = {
      roots: [...canon.members, ...branch.members],
      nots: [...canon.nots, ...branch.nots],
      decided: [...canon.decided, d.id],
    };
    try {
      arbs.push(validArbitraryOf(input, ctx, depth));
      if (ctx.minimal(depth)) break;
    } catch (e) {
      if (!(e instanceof Unsatisfiable)) throw e;
    }
  }
  if (arbs.length === 0) throw new Unsatisfiable(`no branch of ${d.keyword} at ${d.id} can be satisfied`);
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

/** enum/const: the listed values that every member accepts (checked once, at build time). */
function fromConsts(canon: Canon, ctx: GenContext): Built {
  const checks = canon.members.map((m) => ctx.check(m));
  const ok = canon.consts!.filter((v) => checks.every((c) => c(v)));
  if (ok.length === 0) throw new Unsatisfiable("no enum/const value satisfies the rest of the schema");
  return { arbitrary: fc.constantFrom(...ok), exact: true };
}

function fromTypes(canon: Canon, ctx: GenContext, depth: number): Built {
  const built: Built[] = [];
  const reasons: string[] = [];
  const childOf = (input: CanonInput, d: number) => validArbitraryOf(input, ctx, d);
  for (const type of preferredOrder(canon, ctx, depth)) {
    try {
      built.push(TYPE_GENERATORS[type].build(canon, ctx, depth, childOf));
      if (ctx.minimal(depth) && built.length > 0) break;
    } catch (e) {
      if (!(e instanceof Unsatisfiable)) throw e;
      reasons.push(`${type}: ${e.reason}`);
    }
  }
  if (built.length === 0) throw new Unsatisfiable(reasons.join("; ") || "no type allowed");
  const arbitrary = built.length === 1 ? built[0]!.arbitrary : fc.oneof(...built.map((b) => b.arbitrary));
  return { arbitrary, exact: built.every((b) => b.exact) };
}

/** At the depth cap, scalars first: they end recursion. */
function preferredOrder(canon: Canon, ctx: GenContext, depth: number) {
  if (!ctx.minimal(depth)) return canon.types;
  const rank = (t: string) => (t === "object" || t === "array" ? 1 : 0);
  return [...canon.types].sort((a, b) => rank(a) - rank(b));
}

/** Negations and inexact constructions are enforced by the oracle, as a bounded filter. */
function guard(canon: Canon, built: Built, ctx: GenContext): Arbitrary<Json> {
  const notChecks = canon.nots.map((n) => ctx.check(n));
  const memberChecks = built.exact ? [] : canon.members.map((m) => ctx.check(m));
  if (notChecks.length === 0 && memberChecks.length === 0) return built.arbitrary;
  const accept = (v: Json) => memberChecks.every((c) => c(v)) && !notChecks.some((c) => c(v));
  return boundedFilter(built.arbitrary, accept, canon.members[0] ? `schema at ${canon.members[0].pointer || "/"}` : "schema", ctx.options.filterBudget);
}
