import type { Arbitrary } from "fast-check";
import type { Branch, Canon, CanonInput, Disjunction } from "../../canonical/canon.js";
import { locationKey } from "../../canonical/location.js";
import { briefly, everyPartFailed, NothingFound, Unsatisfiable, within } from "../../canonical/unsatisfiable.js";
import type { Json } from "../../schema/json.js";
import { boundedFilter, GenerationStuck, someOfSamplePasses } from "./bounded-filter.js";
import { choose } from "./choice.js";
import { constsOf } from "./consts.js";
import { hookCandidates, needsHookCheck } from "./hooked.js";
import type { GenContext } from "./context.js";
import { LazyChoice } from "./lazy-choice.js";
import { TYPE_GENERATORS } from "./types/index.js";
import type { Built } from "./type-generator.js";

/** The arbitrary of valid values of a conjunction of schemas; throws Unsatisfiable. */
export function validArbitraryOf(input: CanonInput, ctx: GenContext, depth: number): Arbitrary<Json> {
  return ctx.arbitrary(input, depth, (canon, d) => buildCanon(canon, ctx, d));
}

function buildCanon(canon: Canon, ctx: GenContext, depth: number): Arbitrary<Json> {
  if (canon.disjunctions.length > 0) return chooseBranch(canon, canon.disjunctions[canon.disjunctions.length - 1]!, ctx, depth);
  if (canon.consts !== null) return constsOf(canon, ctx);
  const built = fromTypes(canon, ctx, depth);
  if (!needsHookCheck(canon.members)) return guard(canon, built, ctx);
  return fromHooks(canon, ctx) ?? guard(canon, { ...built, exact: false }, ctx);
}

/**
 * Keywords and formats from keyword modules: their own candidates first, checked like any
 * inexact construction; when none pass, what the type generators build, checked the same way.
 */
function fromHooks(canon: Canon, ctx: GenContext): Arbitrary<Json> | undefined {
  const candidates = hookCandidates(canon);
  if (candidates.length === 0) return undefined;
  try {
    return guard(canon, { arbitrary: choose(candidates), exact: false }, ctx);
  } catch (e) {
    if (e instanceof NothingFound) return undefined;
    throw e;
  }
}

/** The canonical input of a conjunction once `branch` of `d` is chosen. */
export function branchInput(canon: Canon, d: Disjunction, branch: Branch): CanonInput {
  const parents = new Map(canon.parents);
  if (d.holder !== undefined) for (const m of branch.members) parents.set(locationKey(m), d.holder);
  return {
    roots: [...canon.members, ...branch.members],
    nots: [...canon.carried.nots, ...branch.nots],
    decided: [...canon.decided, d.id],
    require: [...canon.require, ...(branch.require ?? [])],
    forbid: [...canon.carried.forbid, ...(branch.forbid ?? [])],
    parents,
  };
}

/**
 * One arbitrary per satisfiable branch of the latest open choice (the choices a chosen branch
 * brings in are made next, so a contradiction they lead to shows before unrelated choices
 * multiply the dead ends: a oneOf inside a chosen dependency decides the tag the later
 * dependencies must agree with); at the depth cap, the first
 * that builds. When the open choices multiply into too many combinations, branches are built
 * when first drawn instead.
 */
function chooseBranch(canon: Canon, d: Disjunction, ctx: GenContext, depth: number): Arbitrary<Json> {
  const build = (branch: Branch) => validArbitraryOf(branchInput(canon, d, branch), ctx, depth);
  if (combinations(canon) > ctx.options.eagerChoiceLimit && !ctx.minimal(depth)) {
    return new LazyChoice(d.branches.map((b) => () => build(b)), `${d.keyword} at ${d.id}`);
  }
  const arbs: Arbitrary<Json>[] = [];
  const failures: Unsatisfiable[] = [];
  for (const branch of d.branches) {
    try {
      arbs.push(build(branch));
      if (ctx.minimal(depth)) break;
    } catch (e) {
      if (!(e instanceof Unsatisfiable)) throw e;
      failures.push(within(branch.label, e));
    }
  }
  if (arbs.length === 0) throw everyPartFailed(`no branch of ${d.keyword} at ${d.id} can be satisfied: ${briefly(failures)}`, failures);
  return choose(arbs);
}

function combinations(canon: Canon): number {
  return canon.disjunctions.reduce((n, d) => n * d.branches.length, 1);
}

function fromTypes(canon: Canon, ctx: GenContext, depth: number): Built {
  const built: Built[] = [];
  const failures: Unsatisfiable[] = [];
  const childOf = (input: CanonInput, d: number) => validArbitraryOf(input, ctx, d);
  for (const type of preferredOrder(canon, ctx, depth)) {
    try {
      built.push(TYPE_GENERATORS[type].build(canon, ctx, depth, childOf));
      if (ctx.minimal(depth) && built.length > 0) break;
    } catch (e) {
      if (!(e instanceof Unsatisfiable)) throw e;
      failures.push(within(type, e));
    }
  }
  if (built.length === 0) throw everyPartFailed(briefly(failures) || "no type allowed", failures);
  const arbitrary = choose(built.map((b) => b.arbitrary));
  return { arbitrary, exact: built.every((b) => b.exact) };
}

/** At the depth cap, scalars first: they end recursion. */
function preferredOrder(canon: Canon, ctx: GenContext, depth: number) {
  if (!ctx.minimal(depth)) return canon.types;
  const rank = (t: string) => (t === "object" || t === "array" ? 1 : 0);
  return [...canon.types].sort((a, b) => rank(a) - rank(b));
}

/**
 * Negations and inexact constructions are enforced by the oracle, as a bounded filter. A
 * fixed-seed probe first makes sure some candidates pass: a conjunction whose check no probe
 * passes is set aside (NothingFound) so that a choice above it takes another branch.
 */
function guard(canon: Canon, built: Built, ctx: GenContext): Arbitrary<Json> {
  const notChecks = canon.nots.map((n) => ctx.check(n));
  const memberChecks = built.exact ? [] : canon.members.map((m) => ctx.check(m));
  if (notChecks.length === 0 && memberChecks.length === 0) return built.arbitrary;
  const accept = (v: Json) => memberChecks.every((c) => c(v)) && !notChecks.some((c) => c(v));
  const what = canon.members[0] ? `schema at ${canon.members[0].pointer || "/"}` : "schema";
  return probedFilter(built.arbitrary, accept, what, ctx);
}

/** A bounded filter, after a fixed-seed probe showed that some candidates pass (else NothingFound). */
export function probedFilter(arb: Arbitrary<Json>, accept: (v: Json) => boolean, what: string, ctx: GenContext): Arbitrary<Json> {
  if (!probe(arb, accept, ctx.options.guardProbe)) throw new NothingFound(`none of ${ctx.options.guardProbe} candidates for the ${what} passed its checks`);
  return boundedFilter(arb, accept, what, ctx.options.filterBudget, ctx);
}

function probe(arb: Arbitrary<Json>, accept: (v: Json) => boolean, runs: number): boolean {
  try {
    return someOfSamplePasses(arb, accept, runs, 7);
  } catch (e) {
    if (e instanceof Unsatisfiable || e instanceof GenerationStuck) return false;
    throw e;
  }
}
