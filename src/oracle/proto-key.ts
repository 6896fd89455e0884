import { createRequire } from "node:module";
import type { Ajv as AjvCore, CodeKeywordDefinition, KeywordCxt } from "ajv";

const require = createRequire(import.meta.url);
const stockProperties = require("ajv/dist/vocabularies/applicator/properties").default as CodeKeywordDefinition;
const stockAdditional = require("ajv/dist/vocabularies/applicator/additionalProperties").default as CodeKeywordDefinition;
const { propertyInData } = require("ajv/dist/vocabularies/code") as {
  propertyInData: (gen: KeywordCxt["gen"], data: KeywordCxt["data"], prop: string, ownProperties?: boolean) => Parameters<KeywordCxt["gen"]["if"]>[0];
};
const { alwaysValidSchema } = require("ajv/dist/compile/util") as { alwaysValidSchema: (it: KeywordCxt["it"], schema: unknown) => boolean };

const PROTO = "__proto__";

function hasOwnProto(map: unknown): map is Record<string, unknown> {
  return typeof map === "object" && map !== null && Object.prototype.hasOwnProperty.call(map, PROTO);
}

/**
 * ajv drops the key `__proto__` from `properties` (`allSchemaProperties` filters it), so
 * `{"properties": {"__proto__": {"type": "number"}}}` accepted `{"__proto__": "foo"}` in every
 * dialect (the suite's "__proto__ not valid"), and `additionalProperties` then counted an own
 * `__proto__` key as additional. The oracle puts both keywords back with that key handled;
 * `ownProperties` still keeps `{}` from having a `__proto__` (an inherited one is no property).
 */
export function useProtoKeyProperties(ajv: AjvCore): void {
  ajv.removeKeyword("properties");
  ajv.addKeyword({ ...stockProperties, before: "patternProperties", code: propertiesWithProto });
  ajv.removeKeyword("additionalProperties");
  ajv.addKeyword({ ...stockAdditional, before: "dependencies", code: additionalBesideProto });
}

/** ajv's `properties`, then the subschema of a `__proto__` key applied to an own `__proto__` property. */
function propertiesWithProto(cxt: KeywordCxt): void {
  stockProperties.code(cxt);
  const { gen, schema, data, it } = cxt;
  if (!hasOwnProto(schema)) return;
  it.definedProperties.add(PROTO);
  if (alwaysValidSchema(it, schema[PROTO])) return;
  const valid = gen.name("valid");
  gen.if(propertyInData(gen, data, PROTO, true));
  cxt.subschema({ keyword: "properties", schemaProp: PROTO, dataProp: PROTO }, valid);
  if (!it.allErrors) gen.else().var(valid, true);
  gen.endIf();
  cxt.ok(valid);
}

/**
 * ajv's `additionalProperties`, told that a `__proto__` named in `properties` is no additional
 * property: the key is passed as the pattern `^__proto__$`, which ajv's code does not filter.
 */
function additionalBesideProto(cxt: KeywordCxt): void {
  const parent = cxt.parentSchema as Record<string, unknown>;
  if (!hasOwnProto(parent.properties)) {
    stockAdditional.code(cxt);
    return;
  }
  const patterns = { ...(parent.patternProperties as object | undefined), "^__proto__$": true };
  const seen = Object.create(cxt, { parentSchema: { value: { ...parent, patternProperties: patterns } } }) as KeywordCxt;
  stockAdditional.code(seen);
}
