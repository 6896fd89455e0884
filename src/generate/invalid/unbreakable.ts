import { resolveReference } from "../../canonical/references.js";
import type { Located } from "../../schema/registry.js";
import type { GenContext } from "../valid/context.js";
import { acceptsEverything, inertReason, subschemasOf } from "./inert.js";
import type { KeywordOccurrence } from "./keyword-occurrences.js";
import { mutatorsFor } from "./keywords/index.js";
import { typesOf } from "./keywords/type.js";
import { instanceTypeOf, isReference } from "../../keywords/registry.js";

/**
 * Why no invalid payload can break this keyword occurrence, judged from the schema alone;
 * undefined when some mutator can. (Whether valid payloads ever reach it is coverage's business.)
 */
export function unbreakableReason(occ: KeywordOccurrence, ctx: GenContext): string | undefined {
  const { keyword, holder } = occ;
  const schema = holder.schema as Record<string, unknown>;
  if (occ.context) return occ.context;
  const inert = inertReason(keyword, schema, holder);
  if (inert) return inert;
  const typeReason = typeExcluded(keyword, schema);
  if (typeReason) return typeReason;
  const mutators = mutatorsFor(keyword);
  const reasons = mutators.map((m) => m.unbreakable?.(schema, holder, ctx));
  if (mutators.length > 0 && reasons.every((r) => r !== undefined)) return reasons[0];
  return applicatorReason(keyword, holder, ctx);
}

/** A keyword for strings in a schema whose own `type` allows no string never meets a value it constrains. */
function typeExcluded(keyword: string, schema: Record<string, unknown>): string | undefined {
  const constrained = instanceTypeOf(keyword, schema);
  const types = typesOf(schema.type);
  if (!constrained || !types) return undefined;
  const allowed = constrained === "number" ? types.includes("number") || types.includes("integer") : types.includes(constrained);
  return allowed ? undefined : `${keyword} constrains ${constrained}s and type ${JSON.stringify(schema.type)} allows none`;
}

/** Applicators break through their subschemas: not at all when those accept everything. */
function applicatorReason(keyword: string, holder: Located, ctx: GenContext): string | undefined {
  if (isReference(keyword)) {
    const target = resolveReference(holder, ctx.registry, keyword);
    return target && acceptsEverything(target, ctx) ? `the schema ${keyword} names accepts everything` : undefined;
  }
  if (!["properties", "patternProperties", "allOf", "dependentSchemas", "then", "else"].includes(keyword)) return undefined;
  const subs = subschemasOf(holder, keyword, ctx);
  return subs.length > 0 && subs.every((c) => acceptsEverything(c, ctx)) ? `every subschema of ${keyword} accepts everything` : undefined;
}
