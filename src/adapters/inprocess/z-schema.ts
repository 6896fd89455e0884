import type { Dialect } from "../../schema/dialect.js";
import { urisOf, type CompileRequest, type EngineOptions, type InProcessDefinition, type InstanceCheck } from "./engine.js";

interface LegacyInstance {
  setRemoteReference(uri: string, schema: unknown): void;
  validateSchema(schema: unknown): boolean;
  validate(json: unknown, schema: unknown): boolean;
  getLastErrors(): Array<{ message: string; path: string }> | null;
}
interface SafeInstance {
  setRemoteReference(uri: string, schema: unknown): void;
  validateSchema(schema: unknown): { valid: boolean; err?: { details?: Array<{ message: string; path: unknown }>; message?: string } };
  validate(json: unknown, schema: unknown): { valid: boolean };
}
interface ZSchemaClass {
  new (options: Record<string, unknown>): LegacyInstance;
  /** 9.x and later: the factory that replaced the constructor. */
  create?(options: Record<string, unknown>): SafeInstance;
  getRegisteredFormats(): string[];
  registerFormat(name: string, check: (value: unknown) => boolean): void;
}

/** z-schema's own names of the dialects (12.x). */
const VERSION_NAMES: Record<Dialect, string> = {
  "draft-04": "draft-04", "draft-06": "draft-06", "draft-07": "draft-07", "2019-09": "draft2019-09", "2020-12": "draft2020-12",
};

/**
 * z-schema. 6.x knows draft-04 only; 9.x replaced the constructor by `ZSchema.create()` and
 * each major since added a dialect (10.x draft-06, 11.x draft-07, 12.x 2019-09 and 2020-12).
 * Unknown formats are annotations, as the specification says.
 */
export const zSchemaDefinition: InProcessDefinition = {
  name: "z-schema",
  packageName: "z-schema",
  dialects: ["draft-04"],
  dialectsOf(version: string): readonly Dialect[] {
    const major = Number(version.split(".")[0]);
    if (major >= 12) return ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"];
    if (major === 11) return ["draft-04", "draft-06", "draft-07"];
    if (major === 10) return ["draft-04", "draft-06"];
    return ["draft-04"];
  },
  async load(options: EngineOptions) {
    const ZSchema = ((await import("z-schema")) as unknown as { default: ZSchemaClass }).default;
    if (typeof ZSchema.create === "function") return { compile: (request: CompileRequest) => compileWithFactory(ZSchema, request, options) };
    // Formats are global in z-schema 6; this worker serves one adapter, so one policy.
    if (options.formats === "annotate") for (const name of ZSchema.getRegisteredFormats()) ZSchema.registerFormat(name, () => true);
    return { compile: (request: CompileRequest) => compileLegacy(ZSchema, request) };
  },
};

/**
 * A whole document without an `id` is the root itself, as Bowtie sends it: through a `$ref`
 * to it, z-schema resolves the "#/definitions/…" refs of the remotes it reaches in the wrong
 * place (suite draft4 refRemote.json, "ref within remote ref"). A document with an id goes
 * through `$ref`: as a root, z-schema resolves its own fragments against the id's folder
 * (SchemaStore's function.json and four others would not compile).
 */
function rootSchema(request: CompileRequest): unknown {
  const own = request.documents.find((d) => urisOf(d).includes(request.uri));
  const ownId = own && typeof own.schema === "object" && (typeof own.schema.id === "string" || typeof own.schema.$id === "string");
  return own && !ownId ? own.schema : { $ref: request.uri };
}

/** 9.x and later: a safe validator per target, for the target's dialect, formats per policy. */
function compileWithFactory(ZSchema: ZSchemaClass, request: CompileRequest, options: EngineOptions): InstanceCheck {
  const validator = ZSchema.create!({
    safe: true,
    version: VERSION_NAMES[request.dialect],
    ignoreUnknownFormats: true,
    breakOnFirstError: true,
    // false: format is an annotation; null: it asserts (the formats z-schema knows).
    formatAssertions: options.formats === "annotate" ? false : null,
  });
  // 12.x throws on a boolean document ("Cannot create property 'id' on boolean"): left out, as
  // it is never needed as a remote (a boolean target goes as the root itself).
  for (const doc of request.documents) if (typeof doc.schema === "object") for (const uri of urisOf(doc)) validator.setRemoteReference(uri, doc.schema);
  const schema = rootSchema(request);
  const checked = validator.validateSchema(schema);
  if (!checked.valid) throw new Error((checked.err?.details ?? []).map((e) => `${e.message} at ${String(e.path)}`).join("; ") || checked.err?.message || "schema rejected");
  return (instance) => validator.validate(instance, schema).valid;
}

/** 6.x: draft-04 only, `new ZSchema()`. Documents are not given their URI as `id`: z-schema then resolves "#/definitions/X" against the id's folder. */
function compileLegacy(ZSchema: ZSchemaClass, request: CompileRequest): InstanceCheck {
  const validator = new ZSchema({ ignoreUnknownFormats: true, breakOnFirstError: true });
  for (const doc of request.documents) for (const uri of urisOf(doc)) validator.setRemoteReference(uri, doc.schema);
  const schema = rootSchema(request);
  if (!validator.validateSchema(schema)) {
    const errors = validator.getLastErrors() ?? [];
    throw new Error(errors.map((e) => `${e.message} at ${e.path}`).join("; ") || "schema rejected");
  }
  return (instance) => validator.validate(instance, schema);
}
