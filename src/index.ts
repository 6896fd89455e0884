/**
 * The library API: `import { fuzz } from "schema-conform"` runs a campaign the way
 * `conform fuzz` does, without a command line, and returns the JSON report's object.
 */
import type { Adapter } from "./adapters/adapter.js";
import { createAdapter } from "./adapters/spec.js";
import type { FormatPolicy } from "./oracle/format-policy.js";
import { assertIsSchema } from "./oracle/meta-check.js";
import { runCampaign } from "./run/campaign.js";
import { DEFAULT_CAMPAIGN_OPTIONS } from "./run/options.js";
import { defaultStages } from "./run/stages.js";
import type { RunReport } from "./model/report.js";
import { dialectFromName, type Dialect } from "./schema/dialect.js";
import { InputError, UsageError } from "./schema/errors.js";
import { loadInputs, type RemoteMapping } from "./schema/load.js";
import { listTargets } from "./schema/targets.js";

export type { Adapter, Prepared, Verdict, Fault } from "./adapters/adapter.js";
export type { Target } from "./schema/target.js";
export type { Finding, FindingKind } from "./model/finding.js";
export type { Coverage } from "./model/coverage.js";
export type { RunReport, TargetSummary } from "./model/report.js";
export { InputError, UsageError } from "./schema/errors.js";

export interface FuzzOptions {
  /** Schema files or folders. */
  schemas: string[];
  /** Adapter spec strings ("ajv", "exec:...", "module:...") or Adapter objects; default ["ajv"]. */
  adapters?: Array<string | Adapter>;
  /** Every entry of definitions/$defs is its own target. */
  definitions?: boolean;
  runs?: number;
  /** Default: a random seed (it is in the report). */
  seed?: number;
  formats?: FormatPolicy;
  remotes?: RemoteMapping[];
  defaultDialect?: Dialect | string;
  /** Adapter time limit per request, ms. */
  timeoutMs?: number;
}

/** Fuzzes the schemas against the adapters; resolves to the report. Bad input rejects with InputError. */
export async function fuzz(options: FuzzOptions): Promise<RunReport> {
  const defaultDialect = dialectFromName(options.defaultDialect ?? "2020-12");
  if (!defaultDialect) throw new UsageError(`unknown dialect "${options.defaultDialect}"`);
  const { registry, documents } = loadInputs(options.schemas, { defaultDialect, remotes: options.remotes });
  documents.forEach(assertIsSchema);
  const targets = listTargets(documents, registry, { definitions: options.definitions === true });
  const formats = options.formats ?? "assert";
  const owned: Adapter[] = [];
  const adapters: Adapter[] = [];
  try {
    for (const a of options.adapters ?? ["ajv"]) {
      if (typeof a === "string") {
        const made = await createAdapter(a, { timeoutMs: options.timeoutMs, formats });
        owned.push(made);
        adapters.push(made);
      } else adapters.push(a);
    }
    const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    const result = await runCampaign(targets, registry, adapters, { ...DEFAULT_CAMPAIGN_OPTIONS, runs: options.runs ?? DEFAULT_CAMPAIGN_OPTIONS.runs, seed, formats, timeoutMs: options.timeoutMs ?? DEFAULT_CAMPAIGN_OPTIONS.timeoutMs }, defaultStages());
    if (result.inputErrors.length > 0) throw result.inputErrors[0] as InputError;
    return result.report;
  } finally {
    await Promise.allSettled(owned.map((a) => a.close()));
  }
}
