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
          schemas = new Map(request.documents.flatMap((d) => urisOf(d).map((u) => [u, d.schema as Schema] as const)));
          schemasByRegistry.set(request.registryName, schemas);
        }
        const validate = compileTolerantOfFormats(lib, request, schemas, options);
        return (instance) => validate(instance as never);
      },
    };
  },
};

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
