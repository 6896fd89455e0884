import { child } from "../../canonical/location.js";
import { resolveReference } from "../../canonical/references.js";
import { isObject } from "../../schema/json.js";
import type { Located } from "../../schema/registry.js";
import type { GenContext } from "../valid/context.js";
import { evaluatedIn } from "./dialect-support.js";
import type { KeywordOccurrence } from "./keyword-occurrences.js";
import { mutatorsFor } from "./keywords/index.js";
import { typesOf } from "./keywords/type.js";
import { CONSTRAINED_TYPE, CONSTRAINTS, REFERENCES } from "./vocabulary.js";

/**
 * Why no invalid payload can break this keyword occurrence, judged from the schema alone;
 * undefined when some mutator can. (Whether valid payloads ever reach it is coverage's business.)
 */
export function unbreakableReason(occ: KeywordOccurrence, ctx: GenContext): string | undefined {
  const { keyword, holder } = occ;
  const schema = holder.schema as Record<string, unknown>;
  if (occ.context) return occ.context;
  if (!evaluatedIn(keyword, holder.dialect)) return `ajv does not evaluate ${keyword} in ${holder.dialect}`;
  const typeReason = typeExcluded(keyword, schema);
  if (typeReason) return typeReason;
  const mutators = mutatorsFor(keyword);
  if (mutators.length > 0) {
    const reasons = mutators.map((m) => m.unbreakable?.(schema, holder, ctx));
    return reasons.every((r) => r !== undefined) ? reasons[0] : undefined;
  }
  return applicatorReason(keyword, holder, ctx);
}

/** A keyword for strings in a schema whose own `type` allows no string never meets a value it constrains. */
function typeExcluded(keyword: string, schema: Record<string, unknown>): string | undefined {
  const constrained = CONSTRAINED_TYPE[keyword];
  const types = typesOf(schema.type);
  if (!constrained || !types) return undefined;
  const allowed = constrained === "number" ? types.includes("number") || types.includes("integer") : types.includes(constrained);
  return allowed ? undefined : `${keyword} constrains ${constrained}s and type ${JSON.stringify(schema.type)} allows none`;
}

/** $ref, allOf and if carry no mutator of their own: they break through their subschemas. */
function applicatorReason(keyword: string, holder: Located, ctx: GenContext): string | undefined {
  const schema = holder.schema as Record<string, unknown>;
  if (REFERENCES.has(keyword)) {
    const target = resolveReference(holder, ctx.registry, keyword);
    return target && acceptsEverything(target, ctx, new Set()) ? `the schema ${keyword} names accepts everything` : undefined;
  }
  if (keyword === "allOf" && Array.isArray(schema.allOf)) {
    const all = schema.allOf.every((_, i) => {
      const c = child(holder, ctx.registry, "allOf", String(i));
      return !c || acceptsEverything(c, ctx, new Set());
    });
    return all ? "every subschema of allOf accepts everything" : undefined;
  }
  if (keyword === "if") return "then" in schema || "else" in schema ? undefined : "if without then or else asserts nothing";
  return undefined;
}

/** `true`, `{}`, or a schema of annotations only (following $ref). */
function acceptsEverything(l: Located, ctx: GenContext, seen: Set<string>): boolean {
  if (l.schema === true) return true;
  if (!isObject(l.schema)) return false;
  const key = l.document.uri + "#" + l.pointer;
  if (seen.has(key)) return true;
  seen.add(key);
  return Object.keys(l.schema).every((k) => {
    if (!CONSTRAINTS.has(k)) return true;
    if (!REFERENCES.has(k)) return false;
    const target = resolveReference(l, ctx.registry, k);
    return target !== undefined && acceptsEverything(target, ctx, seen);
  });
}
