import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv as AjvCore, ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);

/** schema/report.schema.json, read from the repository (tests run from dist/test/report/). */
export const reportSchema = JSON.parse(readFileSync(new URL("../../../schema/report.schema.json", import.meta.url), "utf8")) as {
  $defs: Record<string, { enum?: string[]; required?: string[]; properties?: Record<string, unknown> }>;
  required: string[];
};

/** A strict ajv 2020-12 validator of the report schema, with formats checked. */
export function reportValidator(): ValidateFunction {
  const Ajv2020 = require("ajv/dist/2020").default as new (options: object) => AjvCore;
  const addFormats = require("ajv-formats").default as (ajv: AjvCore) => AjvCore;
  const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
  return ajv.compile(reportSchema);
}
