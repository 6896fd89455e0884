import { child } from "../../canonical/location.js";
import { evaluatesItem, evaluatesMember, itemSteps, memberSteps, restOf, tupleOf } from "../../canonical/applicable.js";
import { isObject, type Json } from "../../schema/json.js";
import { joinPointer } from "../../schema/pointer.js";
import type { GenContext } from "../valid/context.js";
import { checkOf, type Applied } from "./applied.js";
import { isKeywordOf } from "../../keywords/registry.js";
import { expandMembers } from "./members.js";

/** A subschema of an applied schema, inheriting its conditions and extending its evaluation path. */
export function step(a: Applied, ctx: GenContext, ...tokens: string[]): Applied | undefined {
  const c = child(a.located, ctx.registry, ...tokens);
  return c && { located: c, evalPath: joinPointer(a.evalPath, ...tokens), conditions: a.conditions };
}

function schemaOf(a: Applied): Record<string, unknown> | undefined {
  return isObject(a.located.schema) ? a.located.schema : undefined;
}

/** The schemas the value of `key` must satisfy: properties, matching patternProperties, else additionalProperties; unevaluatedProperties last. */
export function propertyChildren(members: readonly Applied[], obj: Json, path: readonly string[], key: string, ctx: GenContext): Applied[] {
  const out: Applied[] = [];
  for (const m of members) {
    const s = schemaOf(m);
    if (!s) continue;
    const named = memberSteps(s, key);
    if ("unevaluatedProperties" in s && isKeywordOf("unevaluatedProperties", m.located.dialect) && !propertyEvaluated(m, obj, path, key, ctx)) {
      named.push(["unevaluatedProperties"]);
    }
    for (const tokens of named) {
      const c = step(m, ctx, ...tokens);
      if (c) out.push(c);
    }
  }
  return out;
}

/** True when a schema under `m` (itself included) evaluates `key`, so m's unevaluatedProperties does not see it. */
export function propertyEvaluated(m: Applied, obj: Json, path: readonly string[], key: string, ctx: GenContext): boolean {
  const subtree = expandMembers([{ ...m, conditions: [] }], obj, path, ctx, true);
  return subtree.some((a) => {
    const s = schemaOf(a);
    if (!s) return false;
    if (a !== subtree[0] && "unevaluatedProperties" in s) return true;
    return evaluatesMember(s, key);
  });
}

/** The tuple and rest keywords of an array schema in its dialect (applicable.ts). */
export function arrayKeywords(a: Applied): { tuple: string; prefix: number; rest: string | undefined } {
  const s = schemaOf(a) ?? {};
  const tuple = tupleOf(s, a.located.dialect);
  return { tuple: tuple.keyword, prefix: tuple.length, rest: restOf(s, a.located.dialect) };
}

/** The schemas item `index` must satisfy: its tuple position, else the rest keyword; unevaluatedItems last. */
export function itemChildren(members: readonly Applied[], arr: Json, path: readonly string[], index: number, ctx: GenContext): Applied[] {
  const out: Applied[] = [];
  for (const m of members) {
    const s = schemaOf(m);
    if (!s) continue;
    for (const tokens of itemSteps(s, index, m.located.dialect)) {
      const c = step(m, ctx, ...tokens);
      if (c) out.push(c);
    }
    if ("unevaluatedItems" in s && isKeywordOf("unevaluatedItems", m.located.dialect) && !itemEvaluated(m, arr, path, index, ctx)) {
      const c = step(m, ctx, "unevaluatedItems");
      if (c) out.push(c);
    }
  }
  return out;
}

/** True when a schema under `m` evaluates item `index` (tuple, rest, a matching contains, a nested unevaluatedItems). */
export function itemEvaluated(m: Applied, arr: Json, path: readonly string[], index: number, ctx: GenContext): boolean {
  const item = Array.isArray(arr) ? arr[index] : undefined;
  const subtree = expandMembers([{ ...m, conditions: [] }], arr, path, ctx, true);
  return subtree.some((a) => {
    const s = schemaOf(a);
    if (!s) return false;
    if (a !== subtree[0] && "unevaluatedItems" in s) return true;
    if (evaluatesItem(s, index, a.located.dialect)) return true;
    const contains = "contains" in s ? child(a.located, ctx.registry, "contains") : undefined;
    return contains !== undefined && item !== undefined && checkOf(ctx, contains)(item);
  });
}
