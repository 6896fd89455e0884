import fc from "fast-check";
import { nextDown, nextUp } from "../../valid/types/float-steps.js";
import type { Applied, Site } from "../applied.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { typesOf } from "./type.js";

type Side = "max" | "min";
type LimitKeyword = "maximum" | "minimum" | "exclusiveMaximum" | "exclusiveMinimum";

/** True when some schema at the site allows integers but not other numbers: breaks stay whole. */
function integersOnly(site: Site): boolean {
  return site.members.some((m) => {
    const types = typesOf(schemaOf(m).type);
    return types !== undefined && types.includes("integer") && !types.includes("number");
  });
}

/** The bound and whether it is exclusive, as this keyword of this dialect means it (draft-04: boolean modifiers). */
function boundOf(member: Applied, keyword: LimitKeyword): { value: number; exclusive: boolean; side: Side } | undefined {
  const s = schemaOf(member);
  const side: Side = keyword.endsWith("aximum") ? "max" : "min";
  const inclusive = side === "max" ? "maximum" : "minimum";
  const draft4 = member.located.dialect === "draft-04";
  if (keyword === inclusive) {
    if (typeof s[inclusive] !== "number") return undefined;
    return draft4 && s[side === "max" ? "exclusiveMaximum" : "exclusiveMinimum"] === true ? undefined : { value: s[inclusive] as number, exclusive: false, side };
  }
  if (draft4) return s[keyword] === true && typeof s[inclusive] === "number" ? { value: s[inclusive] as number, exclusive: true, side } : undefined;
  return typeof s[keyword] === "number" ? { value: s[keyword] as number, exclusive: true, side } : undefined;
}

/** Numbers just past the bound (the bound itself when exclusive, the next double or integer when not) and far past it. */
export function pastBound(bound: { value: number; exclusive: boolean; side: Side }, whole: boolean): number[] {
  const dir = bound.side === "max" ? 1 : -1;
  const v = bound.value;
  const beyond = (x: number) => (bound.exclusive ? x * dir >= v * dir : x * dir > v * dir);
  const step = whole ? (dir > 0 ? Math.floor(v) + 1 : Math.ceil(v) - 1) : dir > 0 ? nextUp(v) : nextDown(v);
  const edge = whole ? (dir > 0 ? Math.ceil(v) : Math.floor(v)) : v;
  const far = v + dir * Math.max(1000, Math.abs(v));
  const candidates = bound.exclusive ? [edge, step, far] : [step, far, v + dir];
  return [...new Set(candidates)].filter((x) => Number.isFinite(x) && beyond(x) && (!whole || Number.isInteger(x)));
}

function limitMutator(keyword: LimitKeyword): Mutator {
  return {
    keyword,
    appliesTo(member, site) {
      const bound = boundOf(member, keyword);
      return typeof site.value === "number" && bound !== undefined && pastBound(bound, integersOnly(site)).length > 0;
    },
    violate(member, site) {
      const candidates = pastBound(boundOf(member, keyword)!, integersOnly(site));
      return fc.constantFrom(...candidates).map((v) => breaking(member, keyword, v));
    },
    unbreakable(schema, located) {
      const bound = boundOf({ located, evalPath: "", conditions: [] }, keyword);
      if (!bound) return undefined;
      return pastBound(bound, false).length === 0 ? `no finite number lies past ${keyword} ${bound.value}` : undefined;
    },
  };
}

export const maximumMutator = limitMutator("maximum");
export const minimumMutator = limitMutator("minimum");
export const exclusiveMaximumMutator = limitMutator("exclusiveMaximum");
export const exclusiveMinimumMutator = limitMutator("exclusiveMinimum");
