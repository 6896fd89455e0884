import type { Adapter, Prepared } from "../adapters/adapter.js";
import { Oracle } from "../oracle/oracle.js";
import { withinTimeLimit } from "../oracle/guard.js";
import type { Json } from "../schema/json.js";
import { SchemaRegistry, type SchemaDocument } from "../schema/registry.js";
import type { Target } from "../schema/target.js";
import type { FormatTwins } from "./format-twins.js";
import { prepareSafely, validateSafely } from "./verdicts.js";

/** The probing oracle's limit per instance (compile included); past it, the reject is not called format-only. */
const PROBE_TIME_LIMIT_MS = 10_000;

/** Keywords whose values are data, not schemas: a `format` member there is not a keyword. */
const DATA_KEYWORDS = new Set(["enum", "const", "default", "examples", "example"]);

/** A copy of a schema where every `format` keyword (a string-valued `format` outside data) is rewritten by `rewrite`. */
export function rewriteFormats(schema: unknown, rewrite: (node: Record<string, unknown>) => void): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rewriteFormats(s, rewrite));
  if (schema === null || typeof schema !== "object") return schema;
  const node: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) node[k] = DATA_KEYWORDS.has(k) ? v : rewriteFormats(v, rewrite);
  if (typeof node.format === "string") rewrite(node);
  return node;
}

/** Drops the keyword: the schema as a validator asserting no format sees it. */
const dropFormat = (node: Record<string, unknown>): void => {
  delete node.format;
};

/**
 * Formats that only ever describe strings (the specification's and ajv-formats' string formats):
 * a value of another type is never theirs to reject. Any other name (int32, uint64, a custom
 * one) may describe any type, as OpenAPI's numeric formats do.
 */
const STRING_FORMATS = new Set([
  "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference",
  "iri", "iri-reference", "uuid", "uri-template", "json-pointer", "relative-json-pointer", "regex", "iso-time", "iso-date-time", "url", "byte", "binary", "password",
]);

/** Replaces the keyword by one that fails on every value the format may describe (strings only for a string format), as if none matched. */
const failWhereFormatApplies = (node: Record<string, unknown>): void => {
  const format = node.format as string;
  delete node.format;
  const allOf = Array.isArray(node.allOf) ? node.allOf : [];
  node.allOf = [...allOf, STRING_FORMATS.has(format) ? { not: { type: "string" } } : { not: {} }];
};

/** Rewritten registries by source registry and rewrite, kept while the source has the same documents (registries only grow). */
const rewritten = new WeakMap<SchemaRegistry, Map<(node: Record<string, unknown>) => void, { size: number; copy: SchemaRegistry }>>();

/** A registry of the same documents under the same URIs, with their `format` keywords rewritten; one per source registry. */
function rewrittenRegistry(registry: SchemaRegistry, rewrite: (node: Record<string, unknown>) => void): SchemaRegistry {
  const byRewrite = rewritten.get(registry) ?? new Map();
  rewritten.set(registry, byRewrite);
  const cached = byRewrite.get(rewrite);
  if (cached && cached.size === registry.documents.size) return cached.copy;
  const copy = copyRewritten(registry, rewrite);
  byRewrite.set(rewrite, { size: registry.documents.size, copy });
  return copy;
}

function copyRewritten(registry: SchemaRegistry, rewrite: (node: Record<string, unknown>) => void): SchemaRegistry {
  const aliases = new Map<SchemaDocument, string[]>();
  for (const [uri, doc] of registry.documents) aliases.set(doc, [...(aliases.get(doc) ?? []), uri]);
  const copy = new SchemaRegistry();
  for (const [doc, uris] of aliases) copy.add({ ...doc, schema: rewriteFormats(doc.schema, rewrite) as SchemaDocument["schema"] }, uris);
  return copy;
}

/** The target in a rewritten registry: same URI, same pointer, its schema rewritten too. */
function rewrittenTarget(target: Target, registry: SchemaRegistry): Target {
  const doc = registry.document(target.documentUri);
  const located = doc && registry.locate(doc, target.pointer);
  return { ...target, registry, schema: located ? located.schema : target.schema };
}

/** One probing oracle per rewritten registry, so ajv compiles each shared definition once. */
const failingOracles = new WeakMap<SchemaRegistry, Oracle>();

function failingOracle(registry: SchemaRegistry): Oracle {
  let oracle = failingOracles.get(registry);
  if (!oracle) {
    oracle = new Oracle(registry, "annotate");
    failingOracles.set(registry, oracle);
  }
  return oracle;
}

/**
 * Decides whether a false reject comes from `format` alone, for any adapter kind. Sound rule
 * (ARCHITECTURE.md, "Format differences"): the reject is format-only when
 * (a) a `format` keyword applies to at least one value of the instance — ajv rejects the
 *     instance once every `format` is replaced by "fails on any value it may describe"
 *     (strings for the string formats, anything for int32 and other names) — and
 * (b) the same adapter accepts the instance once formats are out of its way: its
 *     format-blind twin (built-ins) or, for every other kind, the same adapter prepared on
 *     the same registry with every `format` keyword removed.
 * Both witnesses are the adapter itself and the schema; a reject that survives without the
 * formats is a real one, and so is a reject of an instance no format looks at (or of a
 * number under a string format such as date-time).
 */
export class FormatProbe {
  private blindTarget?: Target;
  private readonly blindPrepared = new Map<Adapter, Promise<{ adapter: Adapter; prepared: Prepared } | null>>();

  constructor(
    private readonly target: Target,
    private readonly twins?: FormatTwins,
  ) {}

  /** For each instance that the oracle accepts and `adapter` rejects: true when the reject is format-only. */
  async rejectsAreFormatOnly(adapter: Adapter, instances: Json[], texts?: ReadonlyArray<string | undefined>): Promise<boolean[]> {
    const applies = instances.map((i) => this.formatApplies(i));
    const asked = instances.filter((_, k) => applies[k]);
    const askedTexts = texts?.filter((_, k) => applies[k]);
    const accepted = asked.length === 0 ? [] : await this.blindAccepts(adapter, asked, askedTexts);
    let next = 0;
    return applies.map((a) => (a ? accepted[next++]! : false));
  }

  /** (a): ajv, with every format replaced by "fails on any value it may describe", rejects the instance. */
  formatApplies(instance: Json): boolean {
    const failing = failingOracle(rewrittenRegistry(this.target.registry, failWhereFormatApplies));
    try {
      return !withinTimeLimit("the format probe (ajv)", PROBE_TIME_LIMIT_MS, () => failing.check(this.target.uri, this.target.dialect)(instance));
    } catch {
      return false; // undecided: not format-only
    }
  }

  /** (b): the adapter's verdicts with no format asserted; an error or a skip counts as no acceptance. */
  private async blindAccepts(adapter: Adapter, instances: Json[], texts?: ReadonlyArray<string | undefined>): Promise<boolean[]> {
    const blind = await this.blindOf(adapter);
    if (!blind) return instances.map(() => false);
    const verdicts = await validateSafely(blind.adapter, blind.prepared, instances, texts);
    return verdicts.map((v) => "valid" in v && v.valid);
  }

  private blindOf(adapter: Adapter): Promise<{ adapter: Adapter; prepared: Prepared } | null> {
    let made = this.blindPrepared.get(adapter);
    if (!made) {
      made = this.makeBlind(adapter).catch(() => null);
      this.blindPrepared.set(adapter, made);
    }
    return made;
  }

  /** The built-in's twin on the target as is, else the adapter itself on the target with its formats removed. */
  private async makeBlind(adapter: Adapter): Promise<{ adapter: Adapter; prepared: Prepared } | null> {
    const twin = this.twins && (await this.twins.twinOf(adapter));
    if (twin) {
      const prepared = await prepareSafely(twin, this.target);
      return prepared.ok ? { adapter: twin, prepared } : null;
    }
    this.blindTarget ??= rewrittenTarget(this.target, rewrittenRegistry(this.target.registry, dropFormat));
    const prepared = await prepareSafely(adapter, this.blindTarget);
    return prepared.ok ? { adapter, prepared } : null;
  }
}
