import { isObject } from "../schema/json.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import { hasKeyword, isAppliedIn } from "../keywords/registry.js";
import { evaluatesItem as evaluatesItemHere, itemSteps, restOf as restKeyword, tupleOf } from "./applicable.js";
import { child } from "./location.js";
import { subtreeOf } from "./subtree.js";

/** One `contains` to satisfy: at least `min`, at most `max` items match `schema`. */
export interface ContainsRule {
  schema: Located;
  min: number;
  max: number;
}

/** The merged array constraints of a conjunction, per item position. */
export interface ArrayShape {
  /** Positions with their own schemas (prefixItems / tuple items), the longest over members. */
  prefixLength: number;
  minItems: number;
  maxItems: number;
  unique: boolean;
  contains: ContainsRule[];
  inexact: string[];
  /** The schemas item `index` must satisfy, or "forbidden" when no item may stand there. */
  childFor(index: number): Located[] | "forbidden";
}

export function arrayShape(members: Located[], registry: SchemaRegistry, parents?: ReadonlyMap<string, string>): ArrayShape {
  const arrays = members.filter((m) => isObject(m.schema));
  const s = (m: Located) => m.schema as Record<string, unknown>;
  const subtrees = new Map<Located, Located[]>();
  const subtree = (m: Located) => subtrees.get(m) ?? subtrees.set(m, subtreeOf(m, arrays, parents)).get(m)!;
  const shape: ArrayShape = {
    prefixLength: Math.max(0, ...arrays.map((m) => prefixOf(m).length)),
    minItems: Math.max(0, ...arrays.map((m) => num(s(m).minItems, 0))),
    maxItems: Math.min(Infinity, ...arrays.map((m) => num(s(m).maxItems, Infinity))),
    unique: arrays.some((m) => s(m).uniqueItems === true),
    contains: arrays.filter((m) => "contains" in s(m) && isAppliedIn("contains", m.dialect)).map((m) => containsRule(m, registry)),
    inexact: [],
    childFor: (i) => itemSchemas(arrays, registry, i, subtree),
  };
  for (const m of arrays) {
    const rest = restOf(m);
    if (rest !== undefined && s(m)[rest] === false) shape.maxItems = Math.min(shape.maxItems, prefixOf(m).length);
  }
  return shape;
}

/** The tuple of a member (applicable.ts). */
function prefixOf(m: Located): { length: number } {
  return tupleOf(m.schema as Record<string, unknown>, m.dialect);
}

/** The keyword that governs items after the prefix (applicable.ts). */
function restOf(m: Located): string | undefined {
  return restKeyword(m.schema as Record<string, unknown>, m.dialect);
}

function itemSchemas(arrays: Located[], registry: SchemaRegistry, index: number, subtree: (m: Located) => Located[]): Located[] | "forbidden" {
  const out: Located[] = [];
  for (const m of arrays) {
    for (const tokens of itemSteps(m.schema as Record<string, unknown>, index, m.dialect)) {
      const l = child(m, registry, ...tokens);
      if (l) out.push(l);
    }
    if (judgesUnevaluatedItems(m) && !subtree(m).some((x) => evaluatesItem(x, m, index))) out.push(child(m, registry, "unevaluatedItems")!);
  }
  return out.some((l) => l.schema === false) ? "forbidden" : out;
}

function judgesUnevaluatedItems(m: Located): boolean {
  return hasKeyword(m.schema as object, "unevaluatedItems", m.dialect);
}

/**
 * Whether member `x` (below `asking`) evaluates position `index`: its prefix covers it, or it
 * has a rest keyword or a nested unevaluatedItems. Items matched by `contains` are not
 * counted: fewer evaluated items only narrow what is generated.
 */
function evaluatesItem(x: Located, asking: Located, index: number): boolean {
  if (evaluatesItemHere(x.schema as Record<string, unknown>, index, x.dialect)) return true;
  return x !== asking && judgesUnevaluatedItems(x);
}

/** contains from draft-06 on; minContains/maxContains from 2019-09. */
function containsRule(m: Located, registry: SchemaRegistry): ContainsRule {
  const s = m.schema as Record<string, unknown>;
  return {
    schema: child(m, registry, "contains")!,
    min: hasKeyword(s, "minContains", m.dialect) ? num(s.minContains, 1) : 1,
    max: hasKeyword(s, "maxContains", m.dialect) ? num(s.maxContains, Infinity) : Infinity,
  };
}

function num(v: unknown, fallback: number): number {
  return typeof v === "number" ? v : fallback;
}
