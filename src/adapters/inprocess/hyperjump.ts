import { DIALECT_URI } from "../../schema/dialect.js";
import { idAliases, urisOf, type CompileRequest, type EngineDocument, type EngineOptions, type InProcessDefinition } from "./engine.js";

/**
 * hyperjump refuses to register `file:` URIs (a security rule for its own file loader), yet
 * schemas loaded from disk without `$id` are known by their file URI. They are registered under
 * this private scheme instead; relative references resolve the same way under any scheme.
 */
const FILE_STAND_IN = "conform-file:";

function hyperjumpUri(uri: string): string {
  return uri.startsWith("file:") ? FILE_STAND_IN + uri.slice("file:".length) : uri;
}

const FORMATS_MODULE: string = "@hyperjump/json-schema/formats";

type HyperjumpLib = typeof import("@hyperjump/json-schema/draft-2020-12");

/** @hyperjump/json-schema: every dialect, a global schema registry, lazy network retrieval (switched off here). */
export const hyperjumpDefinition: InProcessDefinition = {
  name: "hyperjump",
  packageName: "@hyperjump/json-schema",
  dialects: ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"],
  async load(options: EngineOptions) {
    const lib = await loadHyperjump(options);
    let registered: { registryName: string; uris: string[] } | undefined;
    return {
      async compile(request: CompileRequest) {
        if (registered?.registryName !== request.registryName) {
          for (const uri of registered?.uris ?? []) lib.unregisterSchema(uri);
          registered = { registryName: request.registryName, uris: registerAll(lib, request.documents) };
        }
        const validator = await lib.validate(hyperjumpUri(request.uri));
        return (instance) => validator(instance as never).valid;
      },
    };
  },
};

async function loadHyperjump(options: EngineOptions): Promise<HyperjumpLib> {
  const lib = await import("@hyperjump/json-schema/draft-2020-12");
  await Promise.all([
    import("@hyperjump/json-schema/draft-2019-09"),
    import("@hyperjump/json-schema/draft-07"),
    import("@hyperjump/json-schema/draft-06"),
    import("@hyperjump/json-schema/draft-04"),
    // The formats module ships no type declarations; it is imported for its side effect only.
    import(FORMATS_MODULE),
  ]);
  // Never the network or the disk: what is not in the registry does not exist.
  const browser = await import("@hyperjump/browser");
  for (const scheme of ["http", "https", "file"]) browser.removeUriSchemePlugin(scheme);
  lib.setShouldValidateFormat(options.formats === "assert");
  return lib;
}

/** Registers every document (and alias); returns the URIs to unregister later. A refused document only matters to targets that reach it. */
function registerAll(lib: HyperjumpLib, documents: EngineDocument[]): string[] {
  const uris: string[] = [];
  const register = (schema: unknown, uri: string, dialect: string) => {
    try {
      lib.registerSchema(schema as never, uri, dialect);
      uris.push(uri);
    } catch {
      // refused: only targets that reach it are affected
    }
  };
  for (const doc of documents) {
    const dialect = DIALECT_URI[doc.dialect].replace(/#$/, "");
    const aliases = idAliases(doc);
    const byRef = new Set(aliases.map((a) => a.alias));
    for (const uri of urisOf(doc)) if (!byRef.has(uri)) register(doc.schema, hyperjumpUri(uri), dialect);
    for (const { alias, id } of aliases) register({ $ref: hyperjumpUri(id) }, hyperjumpUri(alias), dialect);
  }
  return uris;
}
