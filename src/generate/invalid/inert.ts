import { child } from "../../canonical/location.js";
import { resolveReference } from "../../canonical/references.js";
import { isObject } from "../../schema/json.js";
import type { Located } from "../../schema/registry.js";
import { directSubschemas } from "../../schema/subschemas.js";
import type { GenContext } from "../valid/context.js";
import { mutatorsFor } from "./keywords/index.js";
import { isEvaluated, isKeywordOf, isReference } from "../../keywords/registry.js";

/** Why a keyword does nothing where it is written (ajv ignores it, or it needs a partner keyword that is absent). */
export function inertReason(keyword: string, schema: Record<string, unknown>, l: Located): string | undefined {
  if (!isKeywordOf(keyword, l.dialect)) return `${keyword} is not a keyword of ${l.dialect}`;
  if ((keyword === "then" || keyword === "else") && !("if" in schema)) return `${keyword} without if is never applied`;
  if (keyword === "if" && !("then" in schema) && !("else" in schema)) return "if without then or else asserts nothing";
  if ((keyword === "minContains" || keyword === "maxContains") && !("contains" in schema)) return `${keyword} without contains is ignored`;
  if (keyword === "additionalItems" && !Array.isArray(schema.items)) return "additionalItems applies only after a list of items";
  if (l.dialect === "draft-04" && (keyword === "exclusiveMaximum" || keyword === "exclusiveMinimum") && schema[keyword] !== true) return `${keyword} is not true`;
  return undefined;
}

/**
 * True when no value fails the schema: `true`, or every constraint keyword inert, trivial by
 * its mutator's own account (minLength 0...), or an applicator whose subschemas accept everything.
 */
export function acceptsEverything(l: Located, ctx: GenContext, seen: Set<string> = new Set()): boolean {
  if (l.schema === true) return true;
  if (!isObject(l.schema)) return false;
  const key = l.document.uri + "#" + l.pointer;
  if (seen.has(key)) return true;
  seen.add(key);
  const schema = l.schema;
  return Object.keys(schema).every((k) => !isEvaluated(k) || inertReason(k, schema, l) !== undefined || trivialKeyword(k, l, ctx, seen));
}

function trivialKeyword(keyword: string, l: Located, ctx: GenContext, seen: Set<string>): boolean {
  const schema = l.schema as Record<string, unknown>;
  if (isReference(keyword)) {
    const target = resolveReference(l, ctx.registry, keyword);
    return target !== undefined && acceptsEverything(target, ctx, seen);
  }
  const mutators = mutatorsFor(keyword);
  if (mutators.length > 0 && mutators.every((m) => m.unbreakable?.(schema, l, ctx) !== undefined)) return true;
  if (!["properties", "patternProperties", "allOf", "dependentSchemas", "dependencies", "items", "prefixItems"].includes(keyword)) return false;
  return subschemasOf(l, keyword, ctx).every((c) => acceptsEverything(c, ctx, seen)) && !(keyword === "dependencies" && hasListEntry(schema.dependencies));
}

/** The subschemas one keyword holds. */
export function subschemasOf(l: Located, keyword: string, ctx: GenContext): Located[] {
  return directSubschemas({ [keyword]: (l.schema as Record<string, unknown>)[keyword] } as never)
    .map((sub) => child(l, ctx.registry, ...sub.tokens))
    .filter((c): c is Located => c !== undefined);
}

function hasListEntry(deps: unknown): boolean {
  return isObject(deps) && Object.values(deps).some((d) => Array.isArray(d) && d.length > 0);
}
