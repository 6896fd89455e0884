import fc, { type Arbitrary } from "fast-check";
import { locationKey } from "../../canonical/location.js";
import { Unsatisfiable } from "../../canonical/unsatisfiable.js";
import { isObject, type Json } from "../../schema/json.js";
import type { GenContext } from "../valid/context.js";
import { validArbitraryOf } from "../valid/dispatch.js";
import { plainOf } from "../valid/types/probe-value.js";
import type { Applied, Site } from "./applied.js";
import { conditionsHold } from "./conditions.js";
import { isKeywordOf } from "../../keywords/registry.js";
import { FirstSome, retried } from "./first-some.js";
import { guarded, guardedBox } from "./guarded.js";
import { replaceAt, valueAt } from "./instance.js";
import { mutatorsFor } from "./keywords/index.js";
import type { Mutator, MutationEnv, Violation } from "./mutator.js";
import { breaksWithoutValidValue } from "./unsatisfiable.js";
import { sitesOf } from "./walk.js";

/** How many times a mutation may build a fresh invalid value inside another one. */
const FRESH_NESTING = 2;
/** Keyword occurrences tried for one valid value before the draw gives up (null). */
const KEYWORD_TRIES = 6;
/** Fresh valid values drawn for one fresh invalid value before giving up. */
const FRESH_TRIES = 3;

/** One way to break one keyword at one site. */
export interface Candidate {
  site: Site;
  member: Applied;
  mutator: Mutator;
}

/** Which keywords of a schema are broken: by default those of its dialect. */
export type KeywordSelection = (keyword: string, member: Applied) => boolean;

const keywordsOfTheDialect: KeywordSelection = (keyword, member) => isKeywordOf(keyword, member.located.dialect);

/** Every (site, schema, keyword) whose mutator can break the keyword there. */
export function candidatesOf(sites: readonly Site[], env: MutationEnv, select: KeywordSelection = keywordsOfTheDialect): Candidate[] {
  const out: Candidate[] = [];
  for (const site of sites) {
    for (const member of site.members) {
      const schema = member.located.schema;
      if (!isObject(schema)) continue;
      for (const keyword of Object.keys(schema)) {
        if (!select(keyword, member)) continue;
        for (const mutator of mutatorsFor(keyword)) {
          if (mutator.appliesTo(member, site, env)) out.push({ site, member, mutator });
        }
      }
    }
  }
  return out;
}

/**
 * Invalid values by mutation: walk a valid value, pick one keyword occurrence (uniformly over
 * occurrences, then over the sites where it applies), let its mutator replace the value there.
 * A mutation that finds nothing, or whose branch conditions no longer hold after the change,
 * gives way to another occurrence; null when a few tries find nothing.
 */
export class MutationEngine {
  /**
   * `topLevel`, when given, chooses the keywords broken in the value itself (level 0) and
   * reads the sites as it needs (other-readings.ts); fresh values inside are broken as usual.
   */
  constructor(
    readonly ctx: GenContext,
    private readonly topLevel?: { select: KeywordSelection; otherReading: boolean },
  ) {}

  /** The environment of mutators at a nesting level of fresh values, `baseDepth` levels below the target root. */
  env(level: number, baseDepth: number): MutationEnv {
    return {
      ctx: this.ctx,
      depthBelow: (site) => baseDepth + site.path.length + 1,
      valid: (spec, depth) => this.valid(spec, depth),
      invalid: (roots, depth) => (level >= FRESH_NESTING ? undefined : this.fresh(roots, level + 1, depth)),
      violationsOf: (value, roots, depth) => this.violationsOf(value, roots, level + 1, depth),
    };
  }

  /** A violation of one keyword of `roots` in `value` (a valid value of them); relative to `value`. */
  violationsOf(value: Json, roots: Applied[], level: number, baseDepth: number): Arbitrary<Violation | null> {
    const env = this.env(level, baseDepth);
    const top = level === 0 ? this.topLevel : undefined;
    const sites = sitesOf(value, roots, this.ctx, [], top?.otherReading ?? false);
    const groups = groupByKeyword(candidatesOf(sites, env, top?.select));
    if (groups.length === 0) return fc.constant(null);
    const perGroup = groups.map((group) => (group.length === 1 ? this.attempt(value, group[0]!, env) : fc.nat(group.length - 1).chain((i) => this.attempt(value, group[i]!, env))));
    return new FirstSome(perGroup, KEYWORD_TRIES);
  }

  /** A fresh value of `roots` with one keyword broken. */
  fresh(roots: Applied[], level: number, depth: number): Arbitrary<Violation | null> | undefined {
    const valid = this.valid({ roots: roots.map((r) => r.located) }, depth);
    if (!valid) {
      const found = breaksWithoutValidValue(roots, this.ctx);
      return found.length > 0 ? fc.constantFrom(...found) : undefined;
    }
    return retried(guardedBox(valid).chain((v) => (v === null ? fc.constant(null) : this.violationsOf(v.value, roots, level, depth))), FRESH_TRIES);
  }

  valid(spec: { roots: Applied["located"][]; nots?: Applied["located"][]; decided?: string[] }, depth: number): Arbitrary<Json> | undefined {
    try {
      // plain values: mutators read them, and invalid payloads carry no probe marks
      return validArbitraryOf({ roots: spec.roots, nots: spec.nots ?? [], decided: spec.decided ?? [] }, this.ctx, depth).map(plainOf);
    } catch (e) {
      if (e instanceof Unsatisfiable) return undefined;
      throw e;
    }
  }

  private attempt(root: Json, c: Candidate, env: MutationEnv): Arbitrary<Violation | null> {
    return guarded(c.mutator.violate(c.member, c.site, env)).map((v) => (v ? place(root, c, v) : null));
  }
}

/** The whole mutated value, or null when a branch the broken schema depends on is no longer selected. */
function place(root: Json, c: Candidate, v: Violation): Violation | null {
  const mutated = replaceAt(root, c.site.path, v.value);
  if (!conditionsHold(c.member.conditions, (p) => valueAt(mutated, p))) return null;
  return { ...v, value: mutated, instance: [...c.site.path, ...v.instance] };
}

/** Candidates grouped by the keyword occurrence they break, so a keyword on many items is not drawn more often. */
function groupByKeyword(candidates: Candidate[]): Candidate[][] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${locationKey(c.member.located)}/${c.mutator.keyword}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}
