/**
 * Every witness's verdict on one schema and one instance: the oracle (ajv corrected) and each
 * adapter, the schema in a registry of its own. What schema shrinking re-checks at each step,
 * and what a finding's report shows ("every adapter's verdict").
 */
import type { Adapter } from "../../adapters/adapter.js";
import { observeVerdict, validity } from "../../compare/observation.js";
import type { Observation } from "../../model/finding.js";
import type { FormatPolicy } from "../../oracle/format-policy.js";
import { Oracle } from "../../oracle/oracle.js";
import type { Json, JsonSchema } from "../../schema/json.js";
import type { Dialect } from "../../schema/dialect.js";
import { listTargets } from "../../schema/targets.js";
import { prepareSafely, validateSafely } from "../verdicts.js";
import { randomDocument, registryOf, unusableReason } from "./documents.js";

/** The oracle's validity and each adapter's observation, by adapter name, in adapter order. */
export interface Observed {
  oracle: boolean;
  adapters: Record<string, Observation>;
}

export interface ObserveOptions {
  formats: FormatPolicy;
  timeoutMs: number;
  /** True once the run must stop: the observation ends (undefined) before the next adapter. */
  stopped?: () => boolean;
}

/** Ends an observation early (undefined) once an adapter says something else than `expected` (shrinking: most candidates lose the bug at the first adapter asked). */
export type Expected = (adapter: string, oracleValid: boolean) => Observation | "any";

let observed = 0;

/** Undefined when the schema is unusable (not a schema, a reference that does not resolve…) or the oracle gives no verdict. */
export async function observe(schema: JsonSchema, dialect: Dialect, instance: Json, adapters: readonly Adapter[], options: ObserveOptions, expected?: Expected): Promise<Observed | undefined> {
  const doc = randomDocument(schema, dialect, `observed-${++observed}`);
  const registry = registryOf([doc]);
  const oracle = new Oracle(registry, options.formats);
  if (unusableReason(doc, registry, options.formats, oracle) !== undefined) return undefined;
  const verdict = oracle.verdicts(doc.uri, dialect, [instance], { stage: "replay", limitMs: options.timeoutMs })[0];
  if (typeof verdict !== "boolean") return undefined;
  const target = listTargets([doc], registry, { definitions: false })[0]!;
  const out: Observed = { oracle: verdict, adapters: {} };
  for (const adapter of adapters) {
    if (options.stopped?.()) return undefined;
    const [v] = await validateSafely(adapter, await prepareSafely(adapter, target), [instance]);
    out.adapters[adapter.name] = observeVerdict(v!);
    const wanted = expected?.(adapter.name, verdict);
    if (wanted !== undefined && wanted !== "any" && wanted !== out.adapters[adapter.name]) return undefined;
  }
  return out;
}

/** The adapters that gave a verdict or fault other than the oracle's, each with what it said ("cfworker=valid"), sorted. */
export function disagreementOf(o: Observed): string[] {
  const oracle = validity(o.oracle);
  return Object.entries(o.adapters)
    .filter(([, obs]) => obs !== oracle && obs !== "skipped")
    .map(([name, obs]) => `${name}=${obs}`)
    .sort();
}
