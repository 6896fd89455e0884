import { urisOf, type CompileRequest, type EngineOptions, type InProcessDefinition } from "./engine.js";

type JsonschemaLib = typeof import("jsonschema");

/** jsonschema (tdegrise): an interpreter for drafts up to 07 that ignores `$schema`. Resolution errors surface while validating. */
export const jsonschemaDefinition: InProcessDefinition = {
  name: "jsonschema",
  packageName: "jsonschema",
  dialects: ["draft-04", "draft-06", "draft-07"],
  async load(options: EngineOptions) {
    const lib = ((await import("jsonschema")) as unknown as { default: JsonschemaLib }).default;
    const validators = new Map<string, InstanceType<JsonschemaLib["Validator"]>>();
    return {
      compile(request: CompileRequest) {
        let validator = validators.get(request.registryName);
        if (!validator) {
          validator = new lib.Validator();
          for (const doc of request.documents) for (const uri of urisOf(doc)) registerDocument(validator, doc.schema, uri);
          validators.set(request.registryName, validator);
        }
        const v = validator;
        const target = booleanTarget(request);
        // jsonschema looks a `$ref` up and takes a `false` schema for a missing one ("no such schema"),
        // though it validates a boolean schema given directly.
        if (target !== undefined) return (instance) => v.validate(instance, target as never).valid;
        const schema = { $ref: request.uri };
        // `disableFormat` is read by jsonschema (lib/helpers.js) but missing from its type declarations.
        const validateOptions = { disableFormat: options.formats === "annotate" } as Record<string, unknown>;
        return (instance) => v.validate(instance, schema, validateOptions).valid;
      },
    };
  },
};

/**
 * addSchema skips a document whose root is a `$ref` (SchemaStore's kustomization.json): it is
 * stored under its URI by hand, where jsonschema looks refs up, or every ref to it fails.
 * A document jsonschema refuses (it throws "Invalid URL" on a `urn:` id) is left out, so
 * one such document does not stop every other target; a target that needs it still fails,
 * when its `$ref` is followed, with jsonschema's own error.
 */
function registerDocument(validator: { addSchema(s: never, uri: string): unknown; schemas: Record<string, unknown> }, schema: unknown, uri: string): void {
  try {
    validator.addSchema(schema as never, uri);
  } catch {
    return;
  }
  validator.schemas[uri] ??= schema;
}

/** The target when it is a boolean schema (a `false` document, or a definition `true`/`false`), else undefined. */
function booleanTarget(request: CompileRequest): boolean | undefined {
  const hash = request.uri.indexOf("#");
  const base = hash < 0 ? request.uri : request.uri.slice(0, hash);
  const doc = request.documents.find((d) => urisOf(d).includes(base));
  if (!doc) return undefined;
  let node: unknown = doc.schema;
  const fragment = hash < 0 ? "" : decodeURIComponent(request.uri.slice(hash + 1));
  if (fragment !== "" && !fragment.startsWith("/")) return undefined;
  for (const token of fragment === "" ? [] : fragment.slice(1).split("/")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[token.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return typeof node === "boolean" ? node : undefined;
}
