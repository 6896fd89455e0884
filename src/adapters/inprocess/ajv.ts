import type { Ajv } from "ajv";
import { createAjv } from "../../oracle/ajv-factory.js";
import { idKeyword, type Dialect } from "../../schema/dialect.js";
import { isObject, type JsonSchema } from "../../schema/json.js";
import type { CompileRequest, EngineDocument, EngineOptions, InProcessDefinition } from "./engine.js";

/** ajv as an adapter, configured exactly like the oracle (createAjv), one instance per registry and dialect. */
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
  const ajv = createAjv(dialect, options.formats);
  for (const doc of documents) {
    // A document that ajv refuses (e.g. a duplicate $id) only matters to targets that reach it.
    try {
      ajv.addSchema(withBaseId(doc.schema, doc.uri, dialect) as object, doc.uri);
    } catch {
      continue;
    }
  }
  return ajv;
}

/**
 * A document without an id gets its retrieval URI as one, so that relative `$ref`s inside it
 * resolve against that URI (ajv otherwise resolves them against the empty base).
 */
function withBaseId(schema: JsonSchema, uri: string, dialect: Dialect): JsonSchema {
  if (!isObject(schema)) return schema;
  const key = idKeyword(dialect);
  if (typeof schema[key] === "string") return schema;
  return { [key]: uri, ...schema };
}
