import type { CanonInput } from "../../src/canonical/canon.js";
import type { Dialect } from "../../src/schema/dialect.js";
import type { JsonSchema } from "../../src/schema/json.js";
import type { Located, SchemaRegistry } from "../../src/schema/registry.js";
import { registryOf, type DocumentSpec } from "../adapters/targets.js";

export const ROOT = "https://example.com/root.json";

/** The registry of one schema (plus others) and the located schema at `pointer`. */
export function located(schema: JsonSchema, dialect: Dialect = "2020-12", pointer = "", others: DocumentSpec[] = []): { registry: SchemaRegistry; at: Located } {
  const registry = registryOf(dialect, [{ uri: ROOT, schema }, ...others]);
  const doc = [...registry.documents.values()].find((d) => d.file === ROOT)!;
  const at = registry.lookup(doc.uri + (pointer ? "#" + pointer : ""));
  if (!at) throw new Error(`nothing at ${pointer}`);
  return { registry, at };
}

export function input(roots: Located[], nots: Located[] = []): CanonInput {
  return { roots, nots, decided: [] };
}
