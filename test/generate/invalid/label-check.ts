import type { Ajv as AjvCore, ValidateFunction } from "ajv";
import { createAjv } from "../../../src/oracle/ajv-factory.js";
import { specReading } from "../../../src/oracle/ref-siblings.js";
import type { InvalidPayload } from "../../../src/generate/invalid/index.js";
import { evaluationRoot, keywordsAlong } from "../../../src/generate/invalid/index.js";
import type { Dialect } from "../../../src/schema/dialect.js";
import { isObject, type Json, type JsonObject } from "../../../src/schema/json.js";
import { getAtPointer } from "../../../src/schema/pointer.js";
import type { Located, SchemaRegistry } from "../../../src/schema/registry.js";
import type { Target } from "../../../src/schema/target.js";
import { resolveUri } from "../../../src/schema/uri.js";

/** Keywords a keyword reads besides itself, so that it is evaluated alone as it is in place. */
const CONTEXT: Readonly<Record<string, readonly string[]>> = {
  additionalProperties: ["properties", "patternProperties"],
  items: ["prefixItems"],
  additionalItems: ["items"],
  then: ["if"],
  else: ["if"],
  contains: ["minContains"],
  minContains: ["contains"],
  maxContains: ["contains"],
  type: ["nullable"],
};

/** Keywords whose verdict depends on every sibling's annotations: checked with the whole schema. */
const WHOLE = new Set(["unevaluatedProperties", "unevaluatedItems"]);

const checkers = new WeakMap<SchemaRegistry, Map<string, AjvCore>>();
const compiled = new WeakMap<AjvCore, Map<string, ValidateFunction>>();

/**
 * Why the label is not true of the payload, or undefined when it is: the keyword exists at
 * schemaPath (followed from the target root through $ref), and evaluated alone (with the
 * keywords it reads) on the value at instancePath it fails. Property-name keywords are
 * evaluated on the object's keys.
 */
export function labelProblem(target: Target, payload: InvalidPayload): string | undefined {
  const { keyword, schemaPath, instancePath } = payload.label;
  const root = evaluationRoot(target);
  const along = keywordsAlong(root, schemaPath, target.registry);
  if (!along) return `schemaPath ${schemaPath} does not exist`;
  const value = getAtPointer(payload.instance, instancePath) as Json | undefined;
  if (value === undefined) return `instancePath ${instancePath} does not exist`;
  if (keyword === "false") return along.end === false ? undefined : `the schema at ${schemaPath} is not false`;
  const last = along.steps[along.steps.length - 1]!;
  if (last.keyword !== keyword) return `schemaPath ${schemaPath} ends at ${last.keyword}, not ${keyword}`;
  if (along.steps.some((s) => s.keyword === "$dynamicRef" || s.keyword === "$recursiveRef")) return undefined;
  const alone = aloneSchema(last.holder, keyword, target.registry);
  const check = checkerFor(target.registry, last.holder.dialect, alone);
  const namesOnly = along.steps.some((s) => s.keyword === "propertyNames") && keyword !== "propertyNames";
  let fails: boolean;
  try {
    fails = namesOnly ? isObject(value) && Object.keys(value).some((k) => !check(k)) : !check(value);
  } catch (e) {
    // ajv recursing without end on the keyword cut out of its schema (a recursive ref made
    // absolute, a deep value): this checker cannot judge the label, as the oracle could not.
    if (e instanceof RangeError && /call stack/i.test(e.message)) return undefined;
    throw e;
  }
  return fails ? undefined : `${keyword} alone (${JSON.stringify(alone).slice(0, 200)}) accepts ${JSON.stringify(value).slice(0, 200)}`;
}

/** The keyword with the keywords it reads, refs made absolute, identifiers dropped. */
function aloneSchema(holder: Located, keyword: string, registry: SchemaRegistry): JsonObject {
  const schema = holder.schema as JsonObject;
  const keep = WHOLE.has(keyword) ? Object.keys(schema) : [keyword, ...(CONTEXT[keyword] ?? [])];
  const out: JsonObject = {};
  for (const k of keep) if (k in schema && !["$id", "id", "$anchor", "$dynamicAnchor", "$schema", "$defs", "definitions"].includes(k)) out[k] = absoluteRefs(schema[k]!, holder, `${holder.pointer}/${k}`, registry);
  if (holder.dialect === "draft-04" && keyword === "exclusiveMaximum") out.maximum = schema.maximum!;
  if (holder.dialect === "draft-04" && keyword === "exclusiveMinimum") out.minimum = schema.minimum!;
  return out;
}

export function absoluteRefs(v: Json, holder: Located, pointer: string, registry: SchemaRegistry): Json {
  if (Array.isArray(v)) return v.map((x, i) => absoluteRefs(x, holder, `${pointer}/${i}`, registry));
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  const base = registry.locate(holder.document, pointer)?.base ?? holder.base;
  for (const [k, x] of Object.entries(v)) {
    if (["$id", "id", "$anchor", "$dynamicAnchor"].includes(k) && typeof x === "string") continue;
    out[k] = k === "$ref" && typeof x === "string" ? resolveUri(base, x) : absoluteRefs(x, holder, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, registry);
  }
  return out;
}

/** ajv holding the registry's documents, checking a schema as the oracle reads it (keywords beside $ref ignored up to draft-07). */
export function checkerFor(registry: SchemaRegistry, dialect: Dialect, schema: JsonObject): (v: unknown) => boolean {
  let byDialect = checkers.get(registry);
  if (!byDialect) checkers.set(registry, (byDialect = new Map()));
  let ajv = byDialect.get(dialect);
  if (!ajv) {
    ajv = createAjv(dialect, "assert");
    for (const [uri, doc] of registry.documents) {
      try {
        ajv.addSchema(specReading(doc.schema, doc.dialect) as object, uri === doc.uri ? doc.uri : uri);
      } catch {
        // Known under another URI already.
      }
    }
    byDialect.set(dialect, ajv);
    compiled.set(ajv, new Map());
  }
  const cache = compiled.get(ajv)!;
  const key = JSON.stringify(schema);
  let fn = cache.get(key);
  if (!fn) {
    fn = ajv.compile(specReading(schema, dialect) as object);
    cache.set(key, fn);
  }
  const validate = fn;
  return (v) => validate(v) as boolean;
}
