/**
 * Random schemas as documents of one registry: each gets a URI and a file name of its own
 * (per-target seeds derive from the file's base name), and each is checked as `conform fuzz`
 * checks a user's file (meta-schema, regexes, reference cycles, references, the oracle
 * compiling it). A schema that fails is dropped and counted by reason, never fuzzed.
 */
import fc from "fast-check";
import { randomDocumentArbitrary, type RandomSchemaOptions } from "../../generate/schema/random-schema.js";
import { assertIsSchema } from "../../oracle/meta-check.js";
import { Oracle, OracleUnavailable } from "../../oracle/oracle.js";
import { withinTimeLimit } from "../../oracle/guard.js";
import { checkReferenceCycles } from "../../schema/check-cycles.js";
import { checkPatterns } from "../../schema/check-patterns.js";
import { checkReferences } from "../../schema/check-refs.js";
import type { Dialect } from "../../schema/dialect.js";
import type { FormatPolicy } from "../../oracle/format-policy.js";
import { InputError } from "../../schema/errors.js";
import type { JsonSchema } from "../../schema/json.js";
import { allMetaSchemaDocuments } from "../../schema/meta-schemas.js";
import { SchemaRegistry, type SchemaDocument } from "../../schema/registry.js";

export const RANDOM_BASE_URI = "https://random.schema-conform.invalid/";

/** Why random schemas were dropped before fuzzing, with how many each. */
export type DropCounts = Record<string, number>;

/** `count` random schemas of `dialect` drawn with `seed` (the same seed draws the same schemas). */
export function drawRandomSchemas(dialect: Dialect, count: number, seed: number, options: RandomSchemaOptions = {}): Array<Record<string, unknown>> {
  return fc.sample(randomDocumentArbitrary(dialect, options), { seed, numRuns: count });
}

/** The document of one random schema: its own URI, a file name `random-<dialect>-<n>.json`. */
export function randomDocument(schema: JsonSchema, dialect: Dialect, name: string): SchemaDocument {
  return { uri: `${RANDOM_BASE_URI}${dialect}/${name}/schema.json`, file: `random-${dialect}-${name}.json`, dialect, declaresDialect: true, schema };
}

/** A registry holding `docs` and the dialects' meta-schemas (validators other than ajv know none of their own). */
export function registryOf(docs: readonly SchemaDocument[]): SchemaRegistry {
  const registry = new SchemaRegistry();
  for (const doc of docs) registry.add(doc);
  for (const meta of allMetaSchemaDocuments()) if (!registry.document(meta.uri)) registry.add(meta);
  return registry;
}

/**
 * Why the document cannot be fuzzed (the first problem, as a short reason), or undefined when
 * it can: a valid schema of its dialect whose regexes compile, whose references resolve and
 * reach into the instance, and which the oracle compiles within its time limit.
 */
export function unusableReason(doc: SchemaDocument, registry: SchemaRegistry, formats: FormatPolicy, oracle = new Oracle(registry, formats)): string | undefined {
  try {
    assertIsSchema(doc);
    const bad = [...checkPatterns(doc), ...checkReferenceCycles(doc, registry)];
    if (bad.length > 0) throw bad[0];
    checkReferences(doc, registry);
    withinTimeLimit(`compiling ${doc.file} with the oracle`, 10_000, () => oracle.check(doc.uri, doc.dialect));
    return undefined;
  } catch (e) {
    if (e instanceof OracleUnavailable) return "the oracle cannot compile it";
    if (e instanceof InputError) return reasonClass(e.reason);
    if (e instanceof Error) return `oracle: ${e.name}`;
    throw e;
  }
}

/** A reason without the values that make each one different, so drops count by kind. */
function reasonClass(reason: string): string {
  if (/cycle/i.test(reason)) return "reference cycle";
  if (/resolve|reference/i.test(reason)) return "unresolvable reference";
  if (/regex|pattern/i.test(reason)) return "regex";
  return `meta-schema: ${reason.replace(/[:(].*$/, "").trim()}`;
}
