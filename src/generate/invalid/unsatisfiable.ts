import { child } from "../../canonical/location.js";
import { isObject, type Json } from "../../schema/json.js";
import type { GenContext } from "../valid/context.js";
import { checkOf, type Applied } from "./applied.js";
import { breaking, breakingFalse, type Violation } from "./mutator.js";
import { siblingsHold } from "./keywords/siblings.js";
import { expandMembers } from "./members.js";

/** One value of every type: where nothing is valid, each of these breaks something. */
const PROBES: readonly Json[] = [null, true, 0, 1.5, "", "x", [], {}];

/**
 * Breaks found from the schema where there is no valid value to mutate (allOf with a false
 * branch, not: {}, oneOf of two true schemas): probe values tried against the composite
 * keywords and false subschemas every value must pass, each verdict from the oracle's
 * check of the subschemas involved.
 */
export function breaksWithoutValidValue(roots: Applied[], ctx: GenContext): Violation[] {
  const out: Violation[] = [];
  for (const value of PROBES) {
    const members = expandMembers(roots, value, [], ctx).filter((m) => m.conditions.length === 0);
    for (const m of members) {
      const broken = m.located.schema === false ? breakingFalse(m, value, []) : compositeBreak(m, value, ctx);
      // A probe of another type breaks `type` (or enum) beside the composite too: only a break of that keyword alone counts.
      if (broken && (m.located.schema === false || siblingsHold(m, broken.keyword, value, ctx))) out.push(broken);
    }
  }
  return out;
}

function compositeBreak(m: Applied, value: Json, ctx: GenContext): Violation | undefined {
  const s = m.located.schema;
  if (!isObject(s)) return undefined;
  const matches = (...tokens: string[]) => {
    const c = child(m.located, ctx.registry, ...tokens);
    return c !== undefined && checkOf(ctx, c)(value);
  };
  if ("not" in s && matches("not")) return breaking(m, "not", value);
  if (Array.isArray(s.anyOf) && !s.anyOf.some((_, i) => matches("anyOf", String(i)))) return breaking(m, "anyOf", value);
  if (Array.isArray(s.oneOf) && s.oneOf.filter((_, i) => matches("oneOf", String(i))).length !== 1) return breaking(m, "oneOf", value);
  return undefined;
}
