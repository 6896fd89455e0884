import { userFormats } from "../keywords/formats.js";
import { keywordsOutside, keywordsWithHooks } from "../keywords/registry.js";
import { createRequire } from "node:module";
import type { Ajv as AjvCore } from "ajv";
import type { Format, Options } from "ajv";
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
  const own = reading === "oracle" ? userFormats() : [];
  const ajv = new Ajv({
    strict: false,
    logger: false,
    allErrors: false,
    validateSchema: false,
    validateFormats: formats === "assert" || own.length > 0,
    formats: { ...ajvFormats(formats), ...Object.fromEntries(own.map((f) => [f.name, { type: f.type, validate: f.validate } as Format])) },
    ...(reading === "oracle" ? hookAjvOptions() : {}),
    allowUnionTypes: true,
    ownProperties: true,
    inlineRefs: false,
    code: { optimize: false },
    ...extra,
  });
  if (dialect === "draft-06") {
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  }
  if (reading === "stock") return ajv;
  // Keywords ajv's class applies although the dialect does not have them (draft-04 `const`,
  // 2020-12 `$recursiveRef`…) are unknown keywords there, ignored: the registry lists them.
  // Found by fuzzing SchemaStore's function.json, where a draft-04 `const` made ajv accept
  // what every draft-04 validator rightly rejects.
  for (const keyword of keywordsOutside(dialect)) ajv.removeKeyword(keyword);
  useDecimalMultipleOf(ajv);
  useProtoKeyProperties(ajv);
  useKeywordHooks(ajv);
  return ajv;
}

/** The ajv options keyword modules ask for (`discriminator: true`). */
function hookAjvOptions(): Options {
  return Object.assign({}, ...keywordsWithHooks().map((k) => k.hooks?.ajvOptions ?? {})) as Options;
}

/**
 * Keywords whose module brings its own check (users' `--keyword module:…`) join the oracle as
 * ajv keywords; a check that throws counts as a failure of the instance, never of the run.
 */
function useKeywordHooks(ajv: AjvCore): void {
  for (const k of keywordsWithHooks()) {
    const check = k.hooks?.validate;
    if (!check) continue;
    if (ajv.getKeyword(k.name)) ajv.removeKeyword(k.name);
    ajv.addKeyword({
      keyword: k.name,
      errors: false,
      validate: (value: unknown, data: unknown, parent?: unknown) => {
        try {
          return check(value, data, (parent ?? {}) as Record<string, unknown>) === true;
        } catch {
          return false;
        }
      },
    });
  }
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

/** The meta-schema validators, one ajv per dialect, for checking that a document is a schema. */
export function createMetaAjv(dialect: Dialect): AjvCore {
  const Ajv = ajvClass(dialect);
  const ajv = new Ajv({ strict: false, logger: false, allErrors: false, validateFormats: false });
  if (dialect === "draft-06") ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  return ajv;
}
