import type { Ajv as AjvCore } from "ajv";
import type { Dialect } from "../schema/dialect.js";
import { InputError } from "../schema/errors.js";
import type { SchemaDocument } from "../schema/registry.js";
import { createMetaAjv } from "./ajv-factory.js";

const metaValidators = new Map<Dialect, AjvCore>();

/** Throws InputError naming the file and the pointer of the first place where the document is not a schema of its dialect. */
export function assertIsSchema(doc: SchemaDocument): void {
  let ajv = metaValidators.get(doc.dialect);
  if (!ajv) {
    ajv = createMetaAjv(doc.dialect);
    metaValidators.set(doc.dialect, ajv);
  }
  const ok = ajv.validateSchema(doc.schema as object);
  if (ok) return;
  const first = ajv.errors?.[0];
  const pointer = first?.instancePath ?? "";
  throw new InputError(doc.file, pointer, `not a valid ${doc.dialect} schema: ${first ? `${first.message ?? "invalid"}` : "rejected by the meta-schema"}`);
}
