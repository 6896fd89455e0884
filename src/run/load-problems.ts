import type { CampaignResult } from "./campaign.js";
import type { TargetStatus, TargetSummary } from "../model/report.js";
import type { InputError } from "../schema/errors.js";
import type { Loaded } from "../schema/load.js";
import { pointerToFragment } from "../schema/pointer.js";
import type { Target } from "../schema/target.js";
import { fileUri } from "../schema/uri.js";

/**
 * The bad input met while loading, as targets of the report: each bad file and each target set
 * aside is a target in error, each file of a dialect the oracle cannot judge a skipped target.
 * Known before the run (the mocha helper names a test after each).
 */
export function loadProblemSummaries(loaded: Loaded, bad: Array<{ target: Target; error: InputError }>): TargetSummary[] {
  const loadedFiles = new Set(loaded.documents.map((d) => d.file));
  const summary = (file: string, pointer: string, dialect: string, status: TargetStatus, message: string): TargetSummary => ({
    target: { file, pointer, uri: pointer === "" ? fileUri(file) : `${fileUri(file)}#${pointerToFragment(pointer)}` },
    dialect, status, message, payloads: { valid: 0, invalid: 0 }, invalidRejectedByOracle: 0, timeMs: 0,
  });
  return [
    ...loaded.errors.filter((e) => !loadedFiles.has(e.file)).map((e) => summary(e.file, "", "unknown", "error", e.message)),
    ...bad.map(({ target, error }) => summary(target.file, target.pointer, target.dialect, "error", error.message)),
    ...loaded.skipped.map((s) => summary(s.file, "", "unknown", "skipped", s.reason)),
  ];
}

/** The load problems join the run's targets and input errors; the warnings are listed in the report too. */
export function withLoadProblems(result: CampaignResult, loaded: Loaded, problems: TargetSummary[]): CampaignResult {
  const targets = [...result.report.targets, ...problems];
  const inputWarnings = loaded.warnings.length > 0 ? { inputWarnings: loaded.warnings.map((w) => ({ ...w })) } : {};
  return { report: { ...result.report, targets, ...inputWarnings, totals: { ...result.report.totals, targets: targets.length } }, inputErrors: [...loaded.errors, ...result.inputErrors] };
}
