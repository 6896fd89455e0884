/**
 * Random schemas of one dialect, keyword by keyword: each keyword module's `random` fact
 * (src/keywords/random.ts) builds its value from the parts made here, so a dialect's random
 * schemas are exactly its keywords. A document is a root schema plus definitions reached by
 * real resolution paths: JSON pointers with escaped and percent-encoded names, an `$anchor`,
 * an embedded relative `$id`, `$dynamicAnchor`/`$recursiveAnchor`, and `#` (recursion).
 */
import fc, { type Arbitrary } from "fast-check";
import { isKeywordOf, keywordsWithRandom } from "../../keywords/registry.js";
import type { Keyword } from "../../keywords/keyword.js";
import type { RandomSchemaParts } from "../../keywords/random.js";
import { DIALECT_URI, type Dialect } from "../../schema/dialect.js";
import { joinPointer, pointerToFragment } from "../../schema/pointer.js";
import { edgeDivisor, edgeJson, edgeName, edgeNumber, EDGE_PATTERNS, FORMAT_NAMES, TYPE_NAMES } from "./edges.js";

export interface RandomSchemaOptions {
  /** Levels of subschemas below the root (default 3). */
  maxDepth?: number;
  /** Keywords per schema object (default 4). */
  maxKeywords?: number;
}

/** Definition names: plain, one that needs `~1` in a pointer, one that needs percent-encoding. */
export const DEFINITION_NAMES = ["a", "b/c", "é"] as const;
/** The definition with an embedded relative `$id` (a resource of its own). */
export const EMBEDDED_NAME = "inner";
export const EMBEDDED_ID = "inner.json";

/** Random schema documents of `dialect`: `$schema` first, definitions last. */
export function randomDocumentArbitrary(dialect: Dialect, options: RandomSchemaOptions = {}): Arbitrary<Record<string, unknown>> {
  const depth = options.maxDepth ?? 3;
  const builder = new RandomSchemaBuilder(dialect, options.maxKeywords ?? 4);
  return fc.record({ names: fc.subarray([...DEFINITION_NAMES]), embedded: fc.boolean(), anchors: fc.boolean() }).chain(({ names, embedded, anchors }) => {
    const container = containerOf(dialect);
    const refs = referencesTo(dialect, container, names, embedded, anchors);
    const reference = fc.oneof({ weight: 1, arbitrary: fc.constant("#") }, { weight: 3, arbitrary: fc.constantFrom(...refs) });
    const definition = builder.schemaAt(Math.max(0, depth - 1), reference);
    const inner = builder.schemaAt(1, fc.constant("#"));
    const defs = fc.tuple(...names.map(() => definition), embedded ? inner : fc.constant(undefined));
    return fc.tuple(builder.objectAt(depth, reference), defs).map(([root, drawn]) => {
      const entries: Array<[string, unknown]> = names.map((n, i) => [n, withAnchors(dialect, drawn[i], n === "a" && anchors)]);
      if (embedded) entries.push([EMBEDDED_NAME, withId(dialect, drawn[names.length])]);
      const doc: Record<string, unknown> = { $schema: DIALECT_URI[dialect], ...rootAnchors(dialect, anchors), ...root };
      if (entries.length > 0) doc[container] = Object.fromEntries(entries);
      return doc;
    });
  });
}

/** Makes schemas of one dialect at each depth, memoised (each depth's parts point one level down). */
class RandomSchemaBuilder {
  private readonly keywords;

  constructor(private readonly dialect: Dialect, private readonly maxKeywords: number) {
    this.keywords = keywordsWithRandom().filter((k) => isKeywordOf(k.name, dialect));
  }

  /** A schema: a boolean one time in six (draft-04, which has none: `{}` or `{"not": {}}`), else an object of keywords. */
  schemaAt(depth: number, reference: Arbitrary<string>): Arbitrary<unknown> {
    const trivial = isKeywordOf("$id", this.dialect) ? fc.boolean() : fc.constantFrom<unknown>({}, { not: {} });
    return fc.oneof({ weight: 1, arbitrary: trivial }, { weight: 5, arbitrary: this.objectAt(depth, reference) });
  }

  /** An object of one to maxKeywords distinct keywords; at depth 0 only keywords without subschemas. */
  objectAt(depth: number, reference: Arbitrary<string>): Arbitrary<Record<string, unknown>> {
    const usable = this.keywords.filter((k) => depth > 0 || k.subschemas === undefined);
    const name = fc.oneof(...usable.map((k) => ({ weight: k.random!.weight ?? 1, arbitrary: fc.constant(k.name) })));
    const parts = this.partsAt(depth, reference);
    return fc.uniqueArray(name, { minLength: 1, maxLength: this.maxKeywords }).map((drawn) => this.withCompanions(drawn, usable)).chain((names) =>
      fc.tuple(...names.map((n) => usable.find((k) => k.name === n)!.random!.build(parts))).map((values) => Object.fromEntries(names.map((n, i) => [n, values[i]]))),
    );
  }

  /** The drawn keywords and those each needs beside it in this dialect (draft-04's boolean exclusiveMaximum needs maximum). */
  private withCompanions(drawn: string[], usable: readonly Keyword[]): string[] {
    const out = [...drawn];
    for (const name of drawn) {
      for (const companion of usable.find((k) => k.name === name)!.random!.companions?.(this.dialect) ?? []) if (!out.includes(companion)) out.push(companion);
    }
    return out;
  }

  private partsAt(depth: number, reference: Arbitrary<string>): RandomSchemaParts {
    return {
      fc, dialect: this.dialect, reference,
      subschema: fc.constant(null).chain(() => this.schemaAt(depth - 1, reference)),
      propertyName: edgeName(), number: edgeNumber(), count: fc.nat({ max: 4 }), divisor: edgeDivisor(), json: edgeJson(),
      pattern: fc.constantFrom(...EDGE_PATTERNS), format: fc.constantFrom(...FORMAT_NAMES), typeName: fc.constantFrom(...TYPE_NAMES),
    };
  }
}

/** Where definitions live: `$defs` where the dialect has it, else `definitions`. */
export function containerOf(dialect: Dialect): "$defs" | "definitions" {
  return isKeywordOf("$defs", dialect) ? "$defs" : "definitions";
}

/** The URI references to the definitions of a document (`#` when it has none). */
function referencesTo(dialect: Dialect, container: string, names: readonly string[], embedded: boolean, anchors: boolean): string[] {
  const refs = [...names.map((n) => `#${pointerToFragment(joinPointer("", container, n))}`)];
  if (embedded) refs.push(EMBEDDED_ID);
  if (anchors && names.includes("a") && isKeywordOf("$anchor", dialect)) refs.push("#anc");
  return refs.length > 0 ? refs : ["#"];
}

function withAnchors(dialect: Dialect, schema: unknown, anchored: boolean): unknown {
  if (!anchored) return schema;
  if (typeof schema !== "object" || schema === null) schema = schema === false ? { not: {} } : {};
  const extra: Record<string, unknown> = {};
  if (isKeywordOf("$anchor", dialect)) extra.$anchor = "anc";
  if (isKeywordOf("$dynamicAnchor", dialect)) extra.$dynamicAnchor = "node";
  if (isKeywordOf("$recursiveAnchor", dialect)) extra.$recursiveAnchor = true;
  return { ...extra, ...(schema as object) };
}

function rootAnchors(dialect: Dialect, anchored: boolean): Record<string, unknown> {
  if (isKeywordOf("$dynamicAnchor", dialect)) return { $dynamicAnchor: "node" };
  if (anchored && isKeywordOf("$recursiveAnchor", dialect)) return { $recursiveAnchor: true };
  return {};
}

/** The embedded resource: its relative `$id` (`id` in draft-04) first. */
function withId(dialect: Dialect, schema: unknown): unknown {
  const body = typeof schema === "object" && schema !== null ? schema : schema === false ? { not: {} } : {};
  const dynamic = isKeywordOf("$dynamicAnchor", dialect) ? { $dynamicAnchor: "node" } : {};
  return { [isKeywordOf("$id", dialect) ? "$id" : "id"]: EMBEDDED_ID, ...dynamic, ...body };
}
