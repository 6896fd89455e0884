import { evaluationRoot, type InvalidPayload } from "../generate/invalid/index.js";
import { keywordMap, type KeywordMap } from "../generate/invalid/keyword-occurrences.js";
import { unbreakableReason } from "../generate/invalid/unbreakable.js";
import type { GenContext } from "../generate/valid/context.js";
import type { Coverage } from "../model/coverage.js";
import { isObject, type Json } from "../schema/json.js";
import { joinPointer } from "../schema/pointer.js";
import type { Target } from "../schema/target.js";
import { brokenLocations } from "./broken.js";
import { exercise, type Exercise } from "./exercised.js";

/**
 * Schema coverage of a target, after hyperjump's json-schema-coverage: every constraint
 * keyword the target reaches (through $ref) is a statement, named by its shortest evaluation
 * path from the target root. A keyword is exercised when a valid payload brings it a value of
 * the type it constrains, broken when an invalid payload's label names it or passes through it.
 * Branches are the outcomes of anyOf/oneOf (which branches matched), if (then or else) and
 * enum (which value) over the valid payloads.
 */
export function computeCoverage(target: Target, ctx: GenContext, valid: readonly Json[], invalid: readonly InvalidPayload[]): Coverage {
  const root = evaluationRoot(target);
  const map = keywordMap(root, ctx);
  const seen = exercise(root, valid, ctx);
  const broken = brokenLocations(root, invalid, ctx.registry);
  const universe = map.occurrences;
  const exercised = universe.filter((o) => seen.keywords.has(o.location));
  const brokenOccurrences = universe.filter((o) => broken.has(o.location));
  const covered = universe.filter((o) => seen.keywords.has(o.location) || broken.has(o.location)).length;
  return {
    exercised: exercised.map((o) => o.schemaPath),
    broken: brokenOccurrences.map((o) => o.schemaPath),
    neverBroken: universe
      .filter((o) => !broken.has(o.location))
      .map((o) => ({ schemaPath: o.schemaPath, keyword: o.keyword, reason: neverBrokenReason(o, seen, invalid.length, ctx) })),
    branches: branchCoverage(map, seen),
    optionalProperties: optionalCoverage(map, seen),
    ratio: universe.length === 0 ? 1 : covered / universe.length,
  };
}

function neverBrokenReason(o: KeywordMap["occurrences"][number], seen: Exercise, tried: number, ctx: GenContext): string {
  const reason = unbreakableReason(o, ctx);
  if (reason !== undefined) return reason;
  if (!seen.keywords.has(o.location)) return "no valid payload reached it with a value it constrains, so no mutation started there";
  return `none of ${tried} invalid payloads broke it`;
}

function branchCoverage(map: KeywordMap, seen: Exercise): Coverage["branches"] {
  const out: Coverage["branches"] = [];
  for (const o of map.occurrences) {
    const s = o.holder.schema as Record<string, unknown>;
    const total = o.keyword === "if" ? 2 : Array.isArray(s[o.keyword]) && ["anyOf", "oneOf", "enum"].includes(o.keyword) ? (s[o.keyword] as unknown[]).length : 0;
    if (total === 0) continue;
    out.push({ schemaPath: o.schemaPath, hit: seen.hits.get(o.location)?.hit.size ?? 0, total });
  }
  return out;
}

/** Optional properties seen present/absent; those of schemas no valid payload reached, as neither. */
function optionalCoverage(map: KeywordMap, seen: Exercise): Coverage["optionalProperties"] {
  const out = new Map<string, Coverage["optionalProperties"][number]>();
  for (const [key, flags] of seen.optional) {
    const schemaPath = map.schemaPaths.get(key);
    if (schemaPath !== undefined) out.set(schemaPath, { schemaPath, present: flags.present, absent: flags.absent });
  }
  for (const o of map.occurrences) {
    if (o.keyword !== "properties" || seen.keywords.has(o.location)) continue;
    const s = o.holder.schema as Record<string, unknown>;
    const required = Array.isArray(s.required) ? s.required : [];
    for (const name of Object.keys(isObject(s.properties) ? s.properties : {})) {
      const schemaPath = joinPointer(o.schemaPath, name);
      if (!required.includes(name) && !out.has(schemaPath)) out.set(schemaPath, { schemaPath, present: false, absent: false });
    }
  }
  return [...out.values()].sort((a, b) => a.schemaPath.localeCompare(b.schemaPath));
}
