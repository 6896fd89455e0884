import type { Dialect } from "./dialect.js";
import type { JsonSchema } from "./json.js";
import type { SchemaRegistry } from "./registry.js";

/**
 * One schema to fuzz: a whole file, or one entry of a bundle's `definitions`/`$defs`.
 * `uri` is absolute and resolvable in `registry` (documentUri + "#" + pointer for a
 * definition), so any validator given the registry can compile `{"$ref": uri}`.
 */
export interface Target {
  /** Shown in reports: "file" or "file#/definitions/X". */
  id: string;
  /** Path of the file on disk, as the user named it. */
  file: string;
  /** JSON pointer of the target inside the file ("" for the root). */
  pointer: string;
  /** URI of the document that holds the target. */
  documentUri: string;
  /** Absolute URI of the target schema itself. */
  uri: string;
  dialect: Dialect;
  /** The target's own (unresolved) subschema. */
  schema: JsonSchema;
  /** What a harness is told the case is (a suite group's description); `id` when absent. */
  description?: string;
  /** Every document loaded in this run, by URI: what `$ref`s resolve against. */
  registry: SchemaRegistry;
}
