import { child, locationKey } from "../../canonical/location.js";
import { resolveReference } from "../../canonical/references.js";
import { isObject, type Json } from "../../schema/json.js";
import { joinPointer } from "../../schema/pointer.js";
import type { Located } from "../../schema/registry.js";
import type { GenContext } from "../valid/context.js";
import { checkOf, type Applied, type Condition } from "./applied.js";
import { ifResultIs, keyPresent, noOtherBranchMatches, oneOfStaysFailing } from "./conditions.js";
import { isKeywordOf, referencesOf } from "../../keywords/registry.js";
import { refHidesSiblings } from "../../keywords/dialects.js";

/**
 * Every schema that applies to `value` at `path`, given the schemas its parent requires:
 * $ref and allOf always; the anyOf/oneOf branches `value` matches, the branch of if it
 * selects and the dependentSchemas of its keys — each under the condition that keeps it selected.
 * Schemas under `not`, `if` and `contains` decide nothing on their own and are not members
 * (except a passing `if` when `annotating`: its annotations count for unevaluated*).
 * With `otherReading`, a draft-07 schema holding `$ref` is a member too (its siblings as
 * later dialects read them).
 */
export function expandMembers(roots: readonly Applied[], value: Json, path: readonly string[], ctx: GenContext, annotating = false, otherReading = false): Applied[] {
  const out: Applied[] = [];
  const seen = new Set<string>();
  const visit = (a: Applied): void => {
    const key = locationKey(a.located);
    if (seen.has(key)) return;
    seen.add(key);
    if (!isObject(a.located.schema)) {
      if (a.located.schema === false) out.push(a);
      return;
    }
    followReferences(a, ctx, visit);
    // Draft-07 and earlier: beside $ref nothing applies (as the oracle reads it), so nothing there is broken either,
    // but for the other reading (other-readings.ts), where the keywords beside it are what is broken.
    if (refHidesSiblings(a.located.dialect) && typeof a.located.schema.$ref === "string") {
      if (otherReading) out.push(a);
      return;
    }
    out.push(a);
    const step = (tokens: string[], extra: Condition[] = []) => {
      const c = child(a.located, ctx.registry, ...tokens);
      if (c) visit({ located: c, evalPath: joinPointer(a.evalPath, ...tokens), conditions: [...a.conditions, ...extra] });
    };
    allOfSteps(a.located).forEach((tokens) => step(tokens));
    for (const [tokens, condition] of branchSteps(a.located, value, path, ctx, annotating)) step(tokens, [condition]);
  };
  roots.forEach(visit);
  return out;
}

/** Visits the targets of $ref and of the dialect's dynamic refs (their siblings apply from 2019-09 on). */
function followReferences(a: Applied, ctx: GenContext, visit: (a: Applied) => void): void {
  const s = a.located.schema as Record<string, unknown>;
  for (const keyword of referencesOf(a.located.dialect)) {
    if (typeof s[keyword] !== "string") continue;
    const target = resolveReference(a.located, ctx.registry, keyword);
    if (target) visit({ located: target, evalPath: joinPointer(a.evalPath, keyword), conditions: a.conditions });
  }
}

function allOfSteps(l: Located): string[][] {
  const allOf = (l.schema as Record<string, unknown>).allOf;
  return Array.isArray(allOf) ? allOf.map((_, i) => ["allOf", String(i)]) : [];
}

/**
 * The conditional steps: matched anyOf/oneOf branches, if's selected branch, dependentSchemas
 * of present keys; when `annotating` (what unevaluated* sees), a passing `if` itself too.
 */
function branchSteps(l: Located, value: Json, path: readonly string[], ctx: GenContext, annotating: boolean): Array<[string[], Condition]> {
  const s = l.schema as Record<string, unknown>;
  const out: Array<[string[], Condition]> = [];
  for (const keyword of ["anyOf", "oneOf"] as const) {
    if (!Array.isArray(s[keyword])) continue;
    const checks = (s[keyword] as unknown[]).map((_, i) => branchCheck(l, ctx, keyword, String(i)));
    const matched = checks.map((c, i) => (c(value) ? i : -1)).filter((i) => i >= 0);
    if (keyword === "oneOf" && matched.length !== 1) continue;
    for (const i of matched) {
      const others = checks.filter((_, j) => j !== i);
      out.push([[keyword, String(i)], keyword === "anyOf" ? noOtherBranchMatches(path, others) : oneOfStaysFailing(path, others)]);
    }
  }
  if ("if" in s && isKeywordOf("if", l.dialect)) {
    const ifCheck = branchCheck(l, ctx, "if");
    const passes = ifCheck(value);
    const branch = passes ? "then" : "else";
    if (branch in s) out.push([[branch], ifResultIs(path, ifCheck, passes)]);
    if (annotating && passes) out.push([["if"], ifResultIs(path, ifCheck, passes)]);
  }
  if (isObject(value)) {
    for (const keyword of ["dependentSchemas", "dependencies"]) {
      const deps = s[keyword];
      if (!isObject(deps) || !isKeywordOf(keyword, l.dialect)) continue;
      for (const [key, dep] of Object.entries(deps)) {
        if (Array.isArray(dep) || !Object.prototype.hasOwnProperty.call(value, key)) continue;
        out.push([[keyword, key], keyPresent(path, key)]);
      }
    }
  }
  return out;
}

function branchCheck(l: Located, ctx: GenContext, ...tokens: string[]) {
  const c = child(l, ctx.registry, ...tokens);
  return c ? checkOf(ctx, c) : () => true;
}
