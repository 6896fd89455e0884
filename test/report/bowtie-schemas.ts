import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Ajv as AjvCore } from "ajv";
import { listJsonFiles } from "../../src/schema/load.js";
import { SHARED } from "../helpers/paths.js";

const require = createRequire(import.meta.url);

/** Every schema Bowtie publishes under schemas/ (harness protocol, models, report), in one ajv of 2020-12 with formats. */
export function bowtieSchemasAjv(): AjvCore {
  const Ajv2020 = require("ajv/dist/2020").default as new (o: object) => AjvCore;
  const addFormats = require("ajv-formats").default as (ajv: AjvCore) => void;
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  for (const file of listJsonFiles(path.join(SHARED, "bowtie/schemas"))) {
    const schema = JSON.parse(fs.readFileSync(file, "utf8")) as { $id?: string };
    if (typeof schema.$id === "string" && !ajv.getSchema(schema.$id)) ajv.addSchema(schema);
  }
  return ajv;
}
