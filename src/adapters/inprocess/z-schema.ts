import { urisOf, type CompileRequest, type EngineOptions, type InProcessDefinition } from "./engine.js";

interface ZSchemaInstance {
  setRemoteReference(uri: string, schema: unknown): void;
  validateSchema(schema: unknown): boolean;
  validate(json: unknown, schema: unknown): boolean;
  getLastErrors(): Array<{ message: string; path: string }> | null;
}
interface ZSchemaClass {
  new (options: Record<string, unknown>): ZSchemaInstance;
  getRegisteredFormats(): string[];
  registerFormat(name: string, check: (value: unknown) => boolean): void;
}

/** z-schema: draft-04 only. Unknown formats are annotations, as the specification says. */
export const zSchemaDefinition: InProcessDefinition = {
  name: "z-schema",
  packageName: "z-schema",
  dialects: ["draft-04"],
  async load(options: EngineOptions) {
    const ZSchema = ((await import("z-schema")) as unknown as { default: ZSchemaClass }).default;
    // Formats are global in z-schema; this worker serves one adapter, so one policy.
    if (options.formats === "annotate") for (const name of ZSchema.getRegisteredFormats()) ZSchema.registerFormat(name, () => true);
    return {
      compile(request: CompileRequest) {
        const validator = new ZSchema({ ignoreUnknownFormats: true, breakOnFirstError: true });
        // Documents are not given their URI as `id`: z-schema then resolves "#/definitions/X" against the
        // id's folder (a bug of its own), so relative refs between id-less documents stay unsupported.
        for (const doc of request.documents) for (const uri of urisOf(doc)) validator.setRemoteReference(uri, doc.schema);
        // A whole document without an `id` is the root itself, as Bowtie sends it: through a `$ref`
        // to it, z-schema resolves the "#/definitions/…" refs of the remotes it reaches in the wrong
        // place (suite draft4 refRemote.json, "ref within remote ref"). A document with an `id`
        // goes through `$ref`: as a root, z-schema resolves its own fragments against the id's
        // folder (SchemaStore's function.json and four others would not compile).
        const own = request.documents.find((d) => urisOf(d).includes(request.uri));
        const ownId = own && typeof own.schema === "object" && typeof own.schema.id === "string";
        const schema = own && !ownId ? own.schema : { $ref: request.uri };
        if (!validator.validateSchema(schema)) {
          const errors = validator.getLastErrors() ?? [];
          throw new Error(errors.map((e) => `${e.message} at ${e.path}`).join("; ") || "schema rejected");
        }
        return (instance) => validator.validate(instance, schema);
      },
    };
  },
};
