import { createRequire } from "node:module";
import type { Ajv as AjvCore } from "ajv";
import type { Options } from "ajv";
import type { Dialect } from "../schema/dialect.js";
import { ajvFormats, type FormatPolicy } from "./format-policy.js";
import { isDecimalMultiple } from "../schema/decimal.js";
import { useProtoKeyProperties } from "./proto-key.js";

const require = createRequire(import.meta.url);
type AjvClass = new (opts: Options) => AjvCore;

function ajvClass(dialect: Dialect): AjvClass {
  switch (dialect) {
    case "draft-04":
      return require("ajv-draft-04").default as AjvClass;
    case "draft-06":
    case "draft-07":
      return require("ajv").default as AjvClass;
    case "2019-09":
      return require("ajv/dist/2019").default as AjvClass;
    case "2020-12":
      return require("ajv/dist/2020").default as AjvClass;
  }
}

/**
 * A fresh ajv for one dialect: lenient about unknown keywords (real schemas carry many),
 * silent (no warning per unknown format), formats per policy. `validateSchema` stays off
 * because documents are checked against their meta-schema once, explicitly, at load.
 */
export function createAjv(dialect: Dialect, formats: FormatPolicy, extra: Options = {}, reading: AjvReading = "oracle"): AjvCore {
  const Ajv = ajvClass(dialect);
  const ajv = new Ajv({
    strict: false,
    logger: false,
    allErrors: false,
    validateSchema: false,
    validateFormats: formats === "assert",
    formats: ajvFormats(formats),
    allowUnionTypes: true,
    ownProperties: true,
    inlineRefs: true,
    code: { optimize: false },
    ...extra,
  });
  if (dialect === "draft-06") {
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  }
  if (reading === "stock") return ajv;
  for (const keyword of LATER_KEYWORDS[dialect]) ajv.removeKeyword(keyword);
  useDecimalMultipleOf(ajv);
  useProtoKeyProperties(ajv);
  return ajv;
}

/**
 * "oracle": ajv corrected where fuzzing showed it departs from the specification (keywords a
 * dialect lacks, float multipleOf, the `__proto__` key of `properties`). "stock": ajv as users run it, for the `ajv` adapter.
 */
export type AjvReading = "oracle" | "stock";

/**
 * multipleOf in exact decimal arithmetic instead of ajv's `x / d === parseInt(x / d)`, which
 * calls 0.58 no multiple of 0.01 and 1e21 a multiple of 3. JSON numbers are decimals; found
 * by fuzzing, where ajv's float answers blamed correct validators (the suite's multipleOf
 * and allOf groups, SchemaStore prices). The oracle is ajv with this one keyword replaced.
 */
function useDecimalMultipleOf(ajv: AjvCore): void {
  ajv.removeKeyword("multipleOf");
  ajv.addKeyword({
    keyword: "multipleOf",
    type: "number",
    schemaType: "number",
    validate: (divisor: number, value: number) => isDecimalMultiple(value, divisor),
  });
}

/**
 * Keywords ajv's classes apply although the dialect does not have them: in draft-04,
 * `const`, `contains`, `propertyNames` and if/then/else are unknown keywords (ignored);
 * in draft-06, if/then/else are. Found by fuzzing SchemaStore's function.json, where a
 * draft-04 `const` made ajv accept what every draft-04 validator rightly rejects.
 */
const LATER_KEYWORDS: Record<Dialect, string[]> = {
  "draft-04": ["const", "contains", "propertyNames", "if", "then", "else"],
  "draft-06": ["if", "then", "else"],
  "draft-07": [],
  "2019-09": [],
  "2020-12": [],
};

/** The meta-schema validators, one ajv per dialect, for checking that a document is a schema. */
export function createMetaAjv(dialect: Dialect): AjvCore {
  const Ajv = ajvClass(dialect);
  const ajv = new Ajv({ strict: false, logger: false, allErrors: false, validateFormats: false });
  if (dialect === "draft-06") ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  return ajv;
}
