import { refHidesSiblings } from "../keywords/dialects.js";
import { isKeptBesideRef, subschemaShape } from "../keywords/registry.js";
import type { Dialect } from "../schema/dialect.js";
import { isObject, type JsonSchema } from "../schema/json.js";
import { requireEmptyNames } from "./empty-names.js";

/**
 * The document as the specification reads it, for ajv, which reads two things otherwise:
 * - in draft-04/06/07 every keyword beside `$ref` is ignored (`$id` included), which ajv does
 *   not do, so `{"$ref": …, "maxItems": 2}` made ajv reject what every draft-07 validator
 *   rightly accepts (found by fuzzing the suite's ref.json); what stays beside `$ref`
 *   (definitions, which other refs point into) is each keyword module's say;
 * - the property name `""` in `required`, `dependentRequired` and list `dependencies`, which
 *   ajv skips (empty-names.ts).
 */
export function specReading(schema: JsonSchema, dialect: Dialect): JsonSchema {
  const hidesSiblings = refHidesSiblings(dialect);
  return rebuildSchemas(schema, (node) => requireEmptyNames(hidesSiblings ? withoutRefSiblings(node) : node)) as JsonSchema;
}

/** A schema object with `$ref` keeps only `$ref` and what is kept beside it. */
function withoutRefSiblings(node: Record<string, unknown>): Record<string, unknown> {
  if (typeof node.$ref !== "string") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (isKeptBesideRef(key)) ownEntry(out, key, value);
  return out;
}

/**
 * Rebuilds a schema tree bottom-up: `rewrite` sees each schema object with its subschemas
 * already rebuilt (data such as enum values untouched). Keys are set as own properties, so
 * `"__proto__"` stays a key.
 */
export function rebuildSchemas(node: unknown, rewrite: (node: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) ownEntry(out, key, subschemasRebuilt(key, value, rewrite));
  return rewrite(out);
}

function subschemasRebuilt(key: string, value: unknown, rewrite: (node: Record<string, unknown>) => Record<string, unknown>): unknown {
  const shape = subschemaShape(key);
  const again = (v: unknown) => rebuildSchemas(v, rewrite);
  if (shape === undefined) return value;
  if (Array.isArray(value)) return shape === "list" || shape === "items" ? value.map(again) : value;
  if (!isObject(value)) return value;
  if (shape === "map" || shape === "dependencies") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) ownEntry(out, k, Array.isArray(v) ? v : again(v));
    return out;
  }
  return again(value);
}

export function ownEntry(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
