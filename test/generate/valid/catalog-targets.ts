import fs from "node:fs";
import path from "node:path";
import { listJsonFiles, readSchemaDocument } from "../../../src/schema/load.js";
import { SchemaRegistry, type SchemaDocument } from "../../../src/schema/registry.js";
import type { Target } from "../../../src/schema/target.js";
import { listTargets } from "../../../src/schema/targets.js";
import { fileUri } from "../../../src/schema/uri.js";

/** Where SchemaStore serves the catalog: `$ref`s to it resolve to the schemas folder (as `--remotes` does). */
export const SCHEMASTORE_URI = "https://json.schemastore.org/";

/** Every catalog file, parsed once, as the remote document served at its catalog URL. */
export function catalogRemotes(folder: string): SchemaDocument[] {
  const out: SchemaDocument[] = [];
  for (const file of listJsonFiles(folder)) {
    try {
      out.push(readSchemaDocument(file, "2020-12", SCHEMASTORE_URI + path.basename(file)));
    } catch {
      // not a schema: not resolvable, as with --remotes
    }
  }
  return out;
}

/** Every string under a reference keyword, anywhere in a JSON value. */
function referencesIn(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) referencesIn(x, out);
  else if (v !== null && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if ((k === "$ref" || k === "$dynamicRef" || k === "$recursiveRef") && typeof x === "string") out.push(x);
      else referencesIn(x, out);
    }
  }
  return out;
}

/**
 * The remote documents a document can reach through references, matched by the last segment
 * of their catalog URL or their `$id` (over-inclusive, which is harmless): registering all 951 catalog files made each schema's
 * registry and oracle cost seconds, though `conform sample FILE --remotes …` does just that.
 */
export function reachableRemotes(doc: SchemaDocument, remotes: SchemaDocument[]): SchemaDocument[] {
  const byName = new Map<string, SchemaDocument[]>();
  const index = (name: string, r: SchemaDocument) => byName.set(name, [...(byName.get(name) ?? []), r]);
  for (const r of remotes) {
    index(path.basename(r.file), r); // its catalog URL
    index(r.uri.split("#")[0]!.split("/").pop()!, r); // its $id
  }
  const found = new Set<SchemaDocument>();
  const queue = [doc];
  while (queue.length > 0) {
    for (const ref of referencesIn(queue.pop()!.schema)) {
      for (const r of byName.get(ref.split("#")[0]!.split("/").pop()!) ?? []) {
        if (found.has(r)) continue;
        found.add(r);
        queue.push(r);
      }
    }
  }
  return [...found];
}

/** One file as `conform sample FILE --remotes …` loads it: the file first, then the remote documents it can reach. Throws InputError for a bad file. */
export function fileTarget(file: string, remotes: SchemaDocument[]): Target {
  const doc = readSchemaDocument(file, "2020-12");
  const registry = new SchemaRegistry();
  registry.add(doc, [fileUri(file)]);
  for (const r of reachableRemotes(doc, remotes)) registry.add(r, [SCHEMASTORE_URI + path.basename(r.file)]);
  return listTargets([doc], registry, { definitions: false })[0]!;
}

/** Names of the catalog schemas SchemaStore's CI has at least one valid instance for (test/<name>/, any format). */
export function schemasWithValidInstances(testFolder: string): Set<string> {
  if (!fs.existsSync(testFolder)) return new Set();
  return new Set(fs.readdirSync(testFolder, { withFileTypes: true }).filter((e) => e.isDirectory() && fs.readdirSync(path.join(testFolder, e.name)).length > 0).map((e) => e.name));
}
