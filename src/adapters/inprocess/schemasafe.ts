import { DIALECT_URI } from "../../schema/dialect.js";
import { urisOf, type CompileRequest, type EngineOptions, type InProcessDefinition } from "./engine.js";

type SchemasafeLib = typeof import("@exodus/schemasafe");
type Schema = Parameters<SchemasafeLib["validator"]>[0];

/** How many unknown formats one schema may use before we give up turning them into annotations. */
const MAX_UNKNOWN_FORMATS = 100;

/** @exodus/schemasafe: generates code; in "spec" mode it follows the specification rather than its own safety rules. */
export const schemasafeDefinition: InProcessDefinition = {
  name: "schemasafe",
  packageName: "@exodus/schemasafe",
  dialects: ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"],
  async load(options: EngineOptions) {
    const lib = await import("@exodus/schemasafe");
    const schemasByRegistry = new Map<string, Map<string, Schema>>();
    return {
      compile(request: CompileRequest) {
        let schemas = schemasByRegistry.get(request.registryName);
        if (!schemas) {
          // Its `schemas` map takes objects only; a boolean document is referred to as its object twin.
          schemas = new Map(request.documents.flatMap((d) => urisOf(d).map((u) => [u, objectForm(d.schema) as Schema] as const)));
          schemasByRegistry.set(request.registryName, schemas);
        }
        // A boolean document as the target itself is compiled as it is: schemasafe takes one as a root.
        const own = request.documents.find((d) => urisOf(d).includes(request.uri));
        if (own && typeof own.schema === "boolean") {
          const root = lib.validator(own.schema as Schema, { mode: "spec", isJSON: true });
          return (instance) => root(instance as never);
        }
        const validate = compileTolerantOfFormats(lib, request, schemas, options);
        return (instance) => validate(instance as never);
      },
    };
  },
};

/** `true` is `{}` and `false` is `{"not": {}}`: the same schema as an object. */
function objectForm(schema: unknown): unknown {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  return schema;
}

/**
 * schemasafe refuses a schema that uses a format it does not know; the specification says an
 * unknown format is an annotation, so each one it names is added as an always-valid format.
 */
function compileTolerantOfFormats(lib: SchemasafeLib, request: CompileRequest, schemas: Map<string, Schema>, options: EngineOptions): ReturnType<SchemasafeLib["validator"]> {
  const formats: Record<string, (s: string) => boolean> = {};
  for (let attempt = 0; ; attempt++) {
    try {
      return lib.validator({ $ref: request.uri }, {
        mode: "spec",
        schemas,
        $schemaDefault: DIALECT_URI[request.dialect],
        formatAssertion: options.formats === "assert",
        formats,
        isJSON: true,
      });
    } catch (e) {
      const unknown = /Unrecognized format used:\s*'?"?([^'"\s]+)/.exec(String(e instanceof Error ? e.message : e));
      if (!unknown || attempt >= MAX_UNKNOWN_FORMATS) throw e;
      formats[unknown[1] as string] = () => true;
    }
  }
}
