/**
 * The library API: `import { fuzz } from "schema-conform"` runs a campaign exactly as
 * `conform fuzz` does (both are src/run/fuzz.ts), without a command line, and returns the
 * JSON report's object.
 */
import { runFuzz, type FuzzOptions } from "./run/fuzz.js";
import type { RunReport } from "./model/report.js";

export type { Adapter, Prepared, Verdict, Fault } from "./adapters/adapter.js";
export type { Target } from "./schema/target.js";
export type { Finding, FindingKind } from "./model/finding.js";
export type { ProbeMark, ProbeMode } from "./model/probe.js";
export type { RunReport, TargetSummary } from "./model/report.js";
export type { Coverage } from "./model/coverage.js";
export type { FuzzOptions } from "./run/fuzz.js";
export type { RemoteMapping } from "./schema/load.js";
export { InputError, UsageError } from "./schema/errors.js";
export { parseServiceFlags, type ServiceFlags, type ServiceOptions } from "./adapters/service/options.js";
export { validArbitrary, invalidArbitrary, type ArbitraryOptions, type InvalidValue } from "./run/arbitraries.js";
export type { KeywordModule, FormatDefinition, KeywordHooks } from "./keywords/index.js";

/**
 * Fuzzes the schemas against the adapters; resolves to the report. A bad file among good
 * ones is a target with status "error" (its message names file#pointer) and the others run;
 * when no file is free of bad input, it rejects with that InputError. An adapter that could
 * not start skips every target, with its reason in `skippedBy`; bad usage (an unknown
 * adapter or dialect) rejects with UsageError.
 */
export async function fuzz(options: FuzzOptions): Promise<RunReport> {
  return (await runFuzz(options)).report;
}
