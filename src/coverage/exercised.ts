import { child } from "../canonical/location.js";
import { jsonEqual } from "../canonical/json-equal.js";
import { typeOfValue } from "../canonical/types.js";
import { checkOf, rootApplied, type Applied, type Site } from "../generate/invalid/applied.js";
import { keywordLocation } from "../generate/invalid/evaluation-path.js";
import { schemaKey } from "../generate/invalid/keyword-occurrences.js";
import { instanceTypeOf, isEvaluated, isKeywordOf } from "../keywords/registry.js";
import { sitesOf } from "../generate/invalid/walk.js";
import type { GenContext } from "../generate/valid/context.js";
import { isObject, type Json } from "../schema/json.js";
import type { Located } from "../schema/registry.js";

/** What valid payloads did to the schema, by absolute location. */
export interface Exercise {
  /** Keyword locations evaluated on a value of the type they constrain. */
  keywords: Set<string>;
  /** anyOf/oneOf branch indices, if outcomes ("then"/"else"), enum indices, per keyword location. */
  hits: Map<string, { hit: Set<string>; total: number }>;
  /** Optional property schemas (by schema key) seen present and absent. */
  optional: Map<string, { present: boolean; absent: boolean }>;
}

/** Subschemas that are evaluated without being assertions of the value: walked for coverage only, this deep. */
const AUXILIARY_DEPTH = 3;

export function exercise(root: Located, values: readonly Json[], ctx: GenContext): Exercise {
  const out: Exercise = { keywords: new Set(), hits: new Map(), optional: new Map() };
  for (const v of values) walk(v, [rootApplied(root)], ctx, out, 0);
  return out;
}

function walk(value: Json, roots: Applied[], ctx: GenContext, out: Exercise, auxiliary: number): void {
  for (const site of sitesOf(value, roots, ctx)) {
    for (const m of site.members) {
      if (!isObject(m.located.schema)) continue;
      recordKeywords(m.located, site.value, out);
      recordBranches(m.located, site.value, ctx, out);
      if (auxiliary < AUXILIARY_DEPTH) walkAuxiliary(m, site.value, ctx, out, auxiliary + 1);
    }
    recordOptional(site, ctx, out);
  }
}

/** Every constraint keyword of the schema that looks at a value of this type. */
function recordKeywords(l: Located, value: Json, out: Exercise): void {
  const t = typeOfValue(value);
  for (const k of Object.keys(l.schema as object)) {
    if (!isEvaluated(k) || !isKeywordOf(k, l.dialect)) continue;
    const constrained = instanceTypeOf(k, l.schema as Record<string, unknown>);
    if (constrained === undefined || constrained === t || (constrained === "number" && t === "integer")) out.keywords.add(keywordLocation(l, k));
  }
}

function recordBranches(l: Located, value: Json, ctx: GenContext, out: Exercise): void {
  const s = l.schema as Record<string, unknown>;
  for (const keyword of ["anyOf", "oneOf"]) {
    const list = s[keyword];
    if (!Array.isArray(list)) continue;
    list.forEach((_, i) => {
      const c = child(l, ctx.registry, keyword, String(i));
      if (c && checkOf(ctx, c)(value)) hit(out, keywordLocation(l, keyword), String(i), list.length);
    });
  }
  if ("if" in s) {
    const c = child(l, ctx.registry, "if");
    if (c) hit(out, keywordLocation(l, "if"), checkOf(ctx, c)(value) ? "then" : "else", 2);
  }
  if (Array.isArray(s.enum)) {
    const i = s.enum.findIndex((e) => jsonEqual(e, value));
    if (i >= 0) hit(out, keywordLocation(l, "enum"), String(i), s.enum.length);
  }
}

function hit(out: Exercise, location: string, outcome: string, total: number): void {
  const entry = out.hits.get(location) ?? { hit: new Set<string>(), total };
  entry.hit.add(outcome);
  out.hits.set(location, entry);
}

/** not, if, contains and propertyNames evaluate their subschemas too: on the value, its items, its keys. */
function walkAuxiliary(m: Applied, value: Json, ctx: GenContext, out: Exercise, auxiliary: number): void {
  const s = m.located.schema as Record<string, unknown>;
  const sub = (keyword: string) => (keyword in s ? child(m.located, ctx.registry, keyword) : undefined);
  for (const keyword of ["not", "if"]) {
    const c = sub(keyword);
    if (c) walk(value, [rootApplied(c)], ctx, out, auxiliary);
  }
  const contains = sub("contains");
  if (contains && Array.isArray(value)) for (const item of value) walk(item, [rootApplied(contains)], ctx, out, auxiliary);
  const names = sub("propertyNames");
  if (names && isObject(value)) for (const key of Object.keys(value)) walk(key, [rootApplied(names)], ctx, out, auxiliary);
}

/** Named properties no unconditional schema at the site requires (a branch may): were they seen present, absent? */
function recordOptional(site: Site, ctx: GenContext, out: Exercise): void {
  if (!isObject(site.value)) return;
  const always = site.members.filter((m) => m.conditions.length === 0);
  const required = new Set(always.flatMap((m) => (isObject(m.located.schema) && Array.isArray(m.located.schema.required) ? (m.located.schema.required as string[]) : [])));
  for (const m of site.members) {
    const props = isObject(m.located.schema) ? m.located.schema.properties : undefined;
    if (!isObject(props)) continue;
    for (const name of Object.keys(props)) {
      if (required.has(name)) continue;
      const c = child(m.located, ctx.registry, "properties", name);
      if (!c) continue;
      const key = schemaKey(c);
      const seen = out.optional.get(key) ?? { present: false, absent: false };
      if (Object.prototype.hasOwnProperty.call(site.value, name)) seen.present = true;
      else seen.absent = true;
      out.optional.set(key, seen);
    }
  }
}
