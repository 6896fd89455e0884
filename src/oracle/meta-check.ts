import type { Ajv as AjvCore } from "ajv";
import { DIALECT_URI, type Dialect } from "../schema/dialect.js";
import { InputError, type InputWarning } from "../schema/errors.js";
import type { SchemaDocument } from "../schema/registry.js";
import { firstNonSchema } from "../schema/schema-positions.js";
import { createAjv, createMetaAjv } from "./ajv-factory.js";
import { DEFAULT_CALL_LIMIT_MS } from "./give-up.js";
import { OutOfTime, withinTimeLimit } from "./guard.js";

const metaValidators = new Map<Dialect, AjvCore>();

/** Throws InputError naming the file and the pointer of the first place where the document is not a schema of its dialect. */
export function assertIsSchema(doc: SchemaDocument): void {
  const error = metaSchemaError(doc);
  if (error) throw error;
}

/**
 * As assertIsSchema, but follows the oracle where real schemas lean on its leniency: a document
 * its meta-schema rejects that ajv nevertheless compiles (strict: false, as the oracle runs it),
 * such as `"required": []` in draft-04 or a non-string `title`, is read as ajv reads it, with a
 * warning. What ajv refuses too (`"required": true`, a boolean `exclusiveMinimum` in draft-06,
 * an unknown type name), and what is no schema where one is expected, stay bad input.
 */
export function checkIsSchema(doc: SchemaDocument, warnings: InputWarning[]): void {
  const error = metaSchemaError(doc);
  if (!error) return;
  const nonSchema = firstNonSchema(doc.schema);
  if (nonSchema !== undefined) throw new InputError(doc.file, nonSchema, `${error.reason.replace(/:.*$/, "")}: not a schema here (an object or a boolean is)`);
  const refusal = ajvCompileError(doc);
  if (refusal !== undefined) throw new InputError(doc.file, error.pointer, `${error.reason} (ajv refuses it too: ${refusal})`);
  warnings.push({ file: doc.file, pointer: error.pointer, message: `${error.reason}; ajv compiles it anyway (strict: false), and it is read as ajv reads it` });
}

/** The meta-schema's verdict, under the oracle's time limit: a check that runs out of time is no verdict, so no error is claimed. */
function metaSchemaError(doc: SchemaDocument): InputError | undefined {
  try {
    return withinTimeLimit(`checking ${doc.file} against its meta-schema`, DEFAULT_CALL_LIMIT_MS, () => metaSchemaVerdict(doc));
  } catch (e) {
    if (e instanceof OutOfTime) return undefined;
    throw e;
  }
}

function metaSchemaVerdict(doc: SchemaDocument): InputError | undefined {
  let ajv = metaValidators.get(doc.dialect);
  if (!ajv) {
    ajv = createMetaAjv(doc.dialect);
    metaValidators.set(doc.dialect, ajv);
  }
  // the dialect's own meta-schema, whatever URI `$schema` is written with (ajv would look that URI up)
  const validate = ajv.getSchema(DIALECT_URI[doc.dialect])!;
  if (validate(doc.schema)) return undefined;
  const first = validate.errors?.[0];
  const pointer = first?.instancePath ?? "";
  return new InputError(doc.file, pointer, `not a valid ${doc.dialect} schema: ${first ? `${first.message ?? "invalid"}` : "rejected by the meta-schema"}`);
}

/** Why the oracle's ajv cannot compile the document on its own, or undefined (a missing remote reference is not its concern). */
function ajvCompileError(doc: SchemaDocument): string | undefined {
  const ajv = createAjv(doc.dialect, "assert");
  try {
    withinTimeLimit(`compiling ${doc.file} with the oracle (ajv)`, DEFAULT_CALL_LIMIT_MS, () => ajv.compile(doc.schema as object));
    return undefined;
  } catch (e) {
    if (e instanceof OutOfTime) return undefined; // no verdict: ajv is not said to refuse it
    if ((e as { missingRef?: unknown }).missingRef !== undefined) return undefined;
    return (e as Error).message;
  }
}
