/** Keywords that name, describe or hold schemas but assert nothing: not statements for coverage. */
export const NON_CONSTRAINTS: ReadonlySet<string> = new Set([
  "$schema", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$vocabulary", "$comment", "$defs", "definitions",
  "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
  "contentMediaType", "contentEncoding", "contentSchema",
]);

/** Keywords schema-conform evaluates (assertions and applicators); unknown keywords are annotations. */
export const CONSTRAINTS: ReadonlySet<string> = new Set([
  "$ref", "$dynamicRef", "$recursiveRef", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
  "type", "enum", "const",
  "properties", "patternProperties", "additionalProperties", "propertyNames", "required", "minProperties", "maxProperties",
  "dependentRequired", "dependentSchemas", "dependencies", "unevaluatedProperties",
  "prefixItems", "items", "additionalItems", "contains", "minContains", "maxContains", "minItems", "maxItems", "uniqueItems", "unevaluatedItems",
  "minLength", "maxLength", "pattern", "format",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
]);

/** Subschema keywords by shape: one schema, a list of schemas, a map of schemas. */
export const SINGLE_SUBSCHEMA: ReadonlySet<string> = new Set([
  "additionalProperties", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else",
  "unevaluatedItems", "unevaluatedProperties", "contentSchema",
]);
export const LIST_SUBSCHEMAS: ReadonlySet<string> = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
export const MAP_SUBSCHEMAS: ReadonlySet<string> = new Set(["properties", "patternProperties", "dependentSchemas", "dependencies", "$defs", "definitions"]);
export const REFERENCES: ReadonlySet<string> = new Set(["$ref", "$dynamicRef", "$recursiveRef"]);

/** The JSON type a keyword constrains; keywords absent here apply to every value. */
export const CONSTRAINED_TYPE: Readonly<Record<string, "string" | "number" | "object" | "array">> = {
  minLength: "string", maxLength: "string", pattern: "string", format: "string",
  minimum: "number", maximum: "number", exclusiveMinimum: "number", exclusiveMaximum: "number", multipleOf: "number",
  properties: "object", patternProperties: "object", additionalProperties: "object", propertyNames: "object", required: "object",
  minProperties: "object", maxProperties: "object", dependentRequired: "object", dependentSchemas: "object", dependencies: "object",
  unevaluatedProperties: "object",
  prefixItems: "array", items: "array", additionalItems: "array", contains: "array", minContains: "array", maxContains: "array",
  minItems: "array", maxItems: "array", uniqueItems: "array", unevaluatedItems: "array",
};
