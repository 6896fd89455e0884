import type { InvalidPayload } from "../../../src/generate/invalid/index.js";
import { evaluationRoot, keywordsAlong } from "../../../src/generate/invalid/index.js";
import type { Dialect } from "../../../src/schema/dialect.js";
import { isObject, type Json, type JsonObject } from "../../../src/schema/json.js";
import { getAtPointer } from "../../../src/schema/pointer.js";
import type { Located, SchemaRegistry } from "../../../src/schema/registry.js";
import type { Target } from "../../../src/schema/target.js";
import { resolveUri } from "../../../src/schema/uri.js";
import { absoluteRefs, checkerFor } from "./label-check.js";

/**
 * Keywords that read each other, so they hold or fail as one unit (this test's own table, so
 * that it checks the generator's tables rather than reusing them).
 */
const UNITS: readonly (readonly string[])[] = [
  ["properties", "patternProperties", "additionalProperties"],
  ["prefixItems", "items", "additionalItems"],
  ["if", "then", "else"],
  ["contains", "minContains", "maxContains"],
  ["type", "nullable"],
];
/** Draft-04's boolean exclusive bounds are read with their bound. */
const DRAFT_04_UNITS: readonly (readonly string[])[] = [
  ["minimum", "exclusiveMinimum"],
  ["maximum", "exclusiveMaximum"],
];

/** Keywords that name, hold or describe schemas and assert nothing. */
const INERT = new Set([
  "$schema", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$vocabulary", "$comment", "$defs", "definitions",
  "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "contentMediaType", "contentEncoding", "contentSchema",
]);

/** Keywords whose verdict depends on the annotations of the keywords beside them. */
const UNEVALUATED = new Set(["unevaluatedProperties", "unevaluatedItems"]);

/** Keywords that pass subschemas' annotations to unevaluated*: breaking one of them may take an annotation away. */
const ANNOTATING = new Set([
  "properties", "patternProperties", "additionalProperties", "prefixItems", "items", "additionalItems", "contains",
  "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "dependencies", "$ref", "$dynamicRef", "$recursiveRef",
]);

/** Dialects where a `$ref` hides every keyword beside it. */
const REF_HIDES_SIBLINGS = new Set<Dialect>(["draft-04", "draft-06", "draft-07"]);

/**
 * Why the payload breaks more than its labelled keyword, or undefined when it breaks that one alone:
 * at the label's schema object and instance place, every other keyword (or unit of keywords that
 * read each other) still holds, each checked by ajv on a copy of the schema object holding only it.
 * `unevaluated*` is checked with every sibling but the broken unit, and not at all when the broken
 * unit is one whose annotations it reads (breaking it may take an annotation away, as the specification says).
 */
export function othersProblem(target: Target, payload: InvalidPayload): string | undefined {
  const { keyword, schemaPath, instancePath } = payload.label;
  if (keyword === "false") return undefined;
  const along = keywordsAlong(evaluationRoot(target), schemaPath, target.registry);
  if (!along) return undefined; // labelProblem says why
  if (along.steps.some((s) => s.keyword === "$dynamicRef" || s.keyword === "$recursiveRef")) return undefined;
  const holder = along.steps[along.steps.length - 1]!.holder;
  if (!isObject(holder.schema)) return undefined;
  const value = getAtPointer(payload.instance, instancePath) as Json | undefined;
  if (value === undefined) return undefined;
  const namesOnly = along.steps.some((s) => s.keyword === "propertyNames") && keyword !== "propertyNames";
  const broken = unitOf(keyword, holder.dialect);
  for (const unit of otherUnits(holder.schema, broken, holder.dialect)) {
    const schema = unitSchema(holder, unit, target.registry);
    const check = checkerFor(target.registry, holder.dialect, schema);
    const holds = namesOnly ? !isObject(value) || Object.keys(value).every((k) => check(k)) : check(value);
    if (!holds) return `breaking ${keyword} also breaks ${unit.join("+")} (${JSON.stringify(schema).slice(0, 160)}) on ${JSON.stringify(value).slice(0, 160)}`;
  }
  return undefined;
}

function unitOf(keyword: string, dialect: Dialect): readonly string[] {
  const units = dialect === "draft-04" ? [...UNITS, ...DRAFT_04_UNITS] : UNITS;
  return units.find((u) => u.includes(keyword)) ?? [keyword];
}

/** The units of the schema object other than the broken one, each as the keywords present. */
function otherUnits(schema: JsonObject, broken: readonly string[], dialect: Dialect): string[][] {
  const keywords = Object.keys(schema).filter((k) => !INERT.has(k) && !broken.includes(k) && k !== "$dynamicRef" && k !== "$recursiveRef");
  if (REF_HIDES_SIBLINGS.has(dialect) && "$ref" in schema) return broken.includes("$ref") ? [] : [["$ref"]];
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const k of keywords) {
    if (seen.has(k)) continue;
    if (UNEVALUATED.has(k)) {
      if (broken.some((b) => ANNOTATING.has(b))) continue;
      const whole = Object.keys(schema).filter((x) => !INERT.has(x) && !broken.includes(x));
      whole.forEach((x) => seen.add(x));
      out.push(whole);
      continue;
    }
    const unit = unitOf(k, dialect).filter((x) => x in schema);
    unit.forEach((x) => seen.add(x));
    out.push(unit);
  }
  return out;
}

/** The schema object with only `unit`, refs made absolute, identifiers dropped. */
function unitSchema(holder: Located, unit: readonly string[], registry: SchemaRegistry): JsonObject {
  const schema = holder.schema as JsonObject;
  const out: JsonObject = {};
  for (const k of unit) out[k] = k === "$ref" && typeof schema[k] === "string" ? resolveUri(holder.base, schema[k]) : absoluteRefs(schema[k]!, holder, `${holder.pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, registry);
  return out;
}
