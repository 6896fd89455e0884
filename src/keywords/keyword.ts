import type { Dialect } from "./dialects.js";

/** The vocabularies of 2019-09/2020-12 (earlier drafts have the same keywords without the split), plus users' own. */
export type Vocabulary = "core" | "applicator" | "unevaluated" | "validation" | "format" | "content" | "meta-data" | (string & {});

/**
 * What a keyword does:
 * - assertion: judges the instance itself (type, minLength, required…);
 * - applicator: applies subschemas to the instance or its parts (allOf, properties, items…);
 * - reference: applies the schema a URI names ($ref, $dynamicRef, $recursiveRef);
 * - identifier: names a schema ($id, $anchor…); container: holds schemas for references ($defs);
 * - annotation: asserts nothing (title, default, contentMediaType…).
 */
export type Role = "assertion" | "applicator" | "reference" | "identifier" | "container" | "annotation";

/**
 * Where a keyword's subschemas are: `one` schema, a `list`, a `map` of names to schemas;
 * `items`: one schema, or a list before 2020-12; `dependencies`: a map of schemas or name lists.
 */
export type SubschemaShape = "one" | "list" | "map" | "items" | "dependencies";

/** The JSON type a keyword judges; every value of another type passes it. */
export type InstanceType = "string" | "number" | "object" | "array";

/**
 * One keyword, as the single place that says what it is. Every stage asks the registry
 * (src/keywords/registry.ts) instead of keeping a table of its own: which dialects have it,
 * where its subschemas are, which type it judges, whether it is evaluated at all.
 */
export interface Keyword {
  name: string;
  vocabulary: Vocabulary;
  role: Role;
  /** The first dialect whose specification has the keyword (default: draft-04). */
  since?: Dialect;
  /** The last dialect that has it (default: none, still there in 2020-12). */
  until?: Dialect;
  subschemas?: SubschemaShape;
  instanceType?: InstanceType;
  /** Draft-07 and earlier: kept beside `$ref`, which hides every other keyword (definitions hold schemas refs point into). */
  keptBesideRef?: boolean;
  /**
   * After `until`, ajv still applies the keyword, and so do the oracle and valid generation:
   * a valid payload then satisfies both readings. It is never labelled or broken there.
   */
  keptForCompatibility?: boolean;
  /**
   * Canonicalise settles it: intersected (type, enum, const) or expanded into members,
   * choices and negations (allOf, anyOf, oneOf, not, if/then/else, references,
   * dependentSchemas), so a value drawn from the canon needs no check of it.
   */
  settledByCanon?: boolean;
  /** `false` as its whole value fails with this keyword's name (additionalProperties: false), not as a `false` schema. */
  failsAsItself?: boolean;
}

/** A keyword module's definition, checked for the facts that hang together (a reference has no subschemas…). */
export function defineKeyword(k: Keyword): Keyword {
  if (k.role === "reference" && k.subschemas !== undefined) throw new Error(`${k.name}: a reference has no subschemas`);
  if (k.failsAsItself && k.subschemas !== "one" && k.subschemas !== "items") throw new Error(`${k.name}: only a one-schema keyword fails as itself`);
  return Object.freeze(k);
}
