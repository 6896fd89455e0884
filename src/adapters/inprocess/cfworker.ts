import { DIALECT_URI, type Dialect } from "../../schema/dialect.js";
import { idAliases, type CompileRequest, type EngineOptions, type InProcessDefinition } from "./engine.js";

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
          if (typeof doc.schema.$id === "string" || typeof doc.schema.id === "string") validator.addSchema(doc.schema);
          else validator.addSchema(doc.schema, doc.uri);
          for (const { alias, id } of idAliases(doc)) validator.addSchema({ $ref: id }, alias);
        }
        return (instance) => validator.validate(instance).valid;
      },
    };
  },
};

