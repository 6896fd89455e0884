import type { Arbitrary } from "fast-check";
import type FastCheck from "fast-check";
import type { Dialect } from "./dialects.js";
import type { RandomKeyword } from "./random.js";

/** The vocabularies of 2019-09/2020-12 (earlier drafts have the same keywords without the split), plus users' own. */
export type Vocabulary = "core" | "applicator" | "unevaluated" | "validation" | "format" | "content" | "meta-data" | (string & {});

/**
 * What a keyword does:
 * - assertion: judges the instance itself (type, minLength, required…);
 * - applicator: applies subschemas to the instance or its parts (allOf, properties, items…);
 * - reference: applies the schema a URI names ($ref, $dynamicRef, $recursiveRef);
 * - identifier: names a schema ($id, $anchor…); container: holds schemas for references ($defs);
 * - modifier: changes how another keyword judges and rejects nothing itself (OpenAPI's nullable widens type);
 * - annotation: asserts nothing (title, default, contentMediaType…).
 */
export type Role = "assertion" | "applicator" | "reference" | "identifier" | "container" | "modifier" | "annotation";

/**
 * Where a keyword's subschemas are: `one` schema, a `list`, a `map` of names to schemas;
 * `items`: one schema, or a list before 2020-12; `dependencies`: a map of schemas or name lists.
 */
export type SubschemaShape = "one" | "list" | "map" | "items" | "dependencies";

/** The JSON type a keyword judges; every value of another type passes it. */
export type InstanceType = "string" | "number" | "object" | "array";

/** A schema object as a keyword's hooks see it (values are plain JSON). */
export type SchemaObject = Record<string, unknown>;

/**
 * What a keyword module may add beyond its facts: how the oracle checks it, how it merges
 * into the canonical form, how valid values are made and how it is broken on purpose. The
 * built-in keywords of the specification are implemented by the stages themselves (ajv for
 * the oracle, canonical/ and generate/ for the rest); these hooks are how keywords outside
 * it (OpenAPI's `nullable`, users' `--keyword module:…`) join every stage from one file.
 */
export interface KeywordHooks {
  /** The oracle's check of one instance; omit it when ajv implements the keyword (see ajvOptions). */
  validate?(value: unknown, instance: unknown, schema: SchemaObject): boolean;
  /** ajv options the keyword needs in the oracle (`{ discriminator: true }`). */
  ajvOptions?: Record<string, unknown>;
  /** Canonical form: the JSON types the schema object allows once the keyword is applied to the `types` its `type` lists. */
  allowedTypes?(value: unknown, schema: SchemaObject, types: readonly string[]): string[];
  /** Valid generation: values meant to satisfy the keyword (each still checked by the oracle against the whole schema). */
  generate?(fc: typeof FastCheck, value: unknown, schema: SchemaObject): Arbitrary<unknown> | undefined;
  /** Invalid generation: from a valid instance, values meant to break this keyword (kept only where the oracle agrees). */
  breaks?(instance: unknown, value: unknown, schema: SchemaObject): unknown[];
}

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
  /**
   * Keywords whose meaning depends on this one's, read with it as one unit (properties,
   * patternProperties and additionalProperties; if/then/else; contains and min/maxContains…),
   * until `readWithUntil` when given (draft-04's boolean exclusive bounds modify their bound).
   */
  readWith?: readonly string[];
  readWithUntil?: Dialect;
  /** `false` as its whole value fails with this keyword's name (additionalProperties: false), not as a `false` schema. */
  failsAsItself?: boolean;
  /** How random schemas write it (`conform fuzz --random-schemas`, src/generate/schema/); absent: never written there. */
  random?: RandomKeyword;
  hooks?: KeywordHooks;
}

/** A keyword module's definition, checked for the facts that hang together (a reference has no subschemas…). */
export function defineKeyword(k: Keyword): Keyword {
  if (k.role === "reference" && k.subschemas !== undefined) throw new Error(`${k.name}: a reference has no subschemas`);
  if (k.failsAsItself && k.subschemas !== "one" && k.subschemas !== "items") throw new Error(`${k.name}: only a one-schema keyword fails as itself`);
  return Object.freeze(k);
}
