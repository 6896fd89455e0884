import type { Ajv } from "ajv";
import { createAjv } from "../../oracle/ajv-factory.js";
import { idKeyword, type Dialect } from "../../schema/dialect.js";
import { idAliases, withOwnId, type CompileRequest, type EngineDocument, type EngineOptions, type InProcessDefinition } from "./engine.js";

/** ajv as an adapter: ajv as users run it (createAjv's "stock" reading, none of the oracle's corrections), one instance per registry and dialect. */
export const ajvDefinition: InProcessDefinition = {
  name: "ajv",
  packageName: "ajv",
  dialects: ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"],
  async load(options: EngineOptions) {
    const instances = new Map<string, Ajv>();
    return {
      compile(request: CompileRequest) {
        const name = `${request.registryName} ${request.dialect}`;
        let ajv = instances.get(name);
        if (!ajv) {
          ajv = ajvWithDocuments(request.dialect, request.documents, options);
          instances.set(name, ajv);
        }
        const validate = ajv.compile({ $ref: request.uri });
        return (instance) => validate(instance) === true;
      },
    };
  },
};

function ajvWithDocuments(dialect: Dialect, documents: EngineDocument[], options: EngineOptions): Ajv {
  const ajv = createAjv(dialect, options.formats, {}, "stock");
  for (const doc of documents) {
    // A document that ajv refuses (e.g. a duplicate $id) only matters to targets that reach it.
    try {
      // Without an id, ajv would resolve relative refs inside the document against the empty base.
      ajv.addSchema(withOwnId(doc.schema, doc.uri, idKeyword(dialect)) as object, doc.uri);
      for (const { alias, id } of idAliases(doc)) ajv.addSchema({ $ref: id }, alias);
    } catch {
      continue;
    }
  }
  return ajv;
}
