import { DIALECT_URI, type Dialect } from "../../schema/dialect.js";
import type { CompileRequest, EngineOptions, InProcessDefinition } from "./engine.js";

type Draft = "4" | "7" | "2019-09" | "2020-12";
const DRAFT: Partial<Record<Dialect, Draft>> = { "draft-04": "4", "draft-07": "7", "2019-09": "2019-09", "2020-12": "2020-12" };

/** @cfworker/json-schema: an interpreter (no code generation); it names drafts 4, 7, 2019-09 and 2020-12. */
export const cfworkerDefinition: InProcessDefinition = {
  name: "cfworker",
  packageName: "@cfworker/json-schema",
  dialects: ["draft-04", "draft-07", "2019-09", "2020-12"],
  async load(options: EngineOptions) {
    const lib = await import("@cfworker/json-schema");
    // The format table is module state; this worker serves one adapter, so one policy.
    if (options.formats === "annotate") for (const name of Object.keys(lib.format)) lib.format[name] = () => true;
    return {
      compile(request: CompileRequest) {
        const draft = DRAFT[request.dialect];
        if (!draft) throw new Error(`dialect ${DIALECT_URI[request.dialect]} not supported`);
        // A boolean document cannot be added (cfworker dereferences objects only): cfworker takes it as the root schema.
        const own = request.documents.find((d) => d.uri === request.uri || d.aliases.includes(request.uri));
        if (own && typeof own.schema === "boolean") {
          const root = new lib.Validator(own.schema, draft, true);
          return (instance) => root.validate(instance).valid;
        }
        const validator = new lib.Validator({ $ref: request.uri }, draft, true);
        for (const doc of request.documents) {
          if (typeof doc.schema !== "object") continue;
          // addSchema(schema, uri) overwrites the document's own id, which would move its base URI.
          const ownId = typeof doc.schema.$id === "string" ? doc.schema.$id : typeof doc.schema.id === "string" ? doc.schema.id : null;
          if (ownId !== null) validator.addSchema(doc.schema);
          else validator.addSchema(doc.schema, doc.uri);
          // Each other URI (a remote's retrieval URL beside its $id) gets a document of its own that
          // refers to the real one: the same object added twice would have its base URI fixed twice.
          const home = ownId !== null ? absoluteId(ownId, doc.uri) : doc.uri;
          for (const alias of [doc.uri, ...doc.aliases]) if (alias !== home) validator.addSchema({ $ref: home }, alias);
        }
        return (instance) => validator.validate(instance).valid;
      },
    };
  },
};

/** The URI cfworker files a document with this id under: resolved, without an empty fragment. */
function absoluteId(id: string, base: string): string {
  try {
    return new URL(id, base).href.replace(/#$/, "");
  } catch {
    return id.replace(/#$/, "");
  }
}
