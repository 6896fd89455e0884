import type { CampaignResult } from "../run/campaign.js";
import type { TargetStatus, TargetSummary } from "../model/report.js";
import type { InputError } from "../schema/errors.js";
import type { Loaded } from "../schema/load.js";
import { pointerToFragment } from "../schema/pointer.js";
import type { Target } from "../schema/target.js";
import { fileUri } from "../schema/uri.js";

/**
 * The bad input met while loading joins the run's: each bad file and each target set aside is
 * a target in error, each file of a dialect the oracle cannot judge a skipped target; the
 * warnings are listed in the report too.
 */
export function withLoadProblems(result: CampaignResult, loaded: Loaded, bad: Array<{ target: Target; error: InputError }>): CampaignResult {
  const loadedFiles = new Set(loaded.documents.map((d) => d.file));
  const summary = (file: string, pointer: string, dialect: string, status: TargetStatus, message: string): TargetSummary => ({
    target: { file, pointer, uri: pointer === "" ? fileUri(file) : `${fileUri(file)}#${pointerToFragment(pointer)}` },
    dialect, status, message, payloads: { valid: 0, invalid: 0 }, invalidRejectedByOracle: 0, timeMs: 0,
  });
  const added = [
    ...loaded.errors.filter((e) => !loadedFiles.has(e.file)).map((e) => summary(e.file, "", "unknown", "error", e.message)),
    ...bad.map(({ target, error }) => summary(target.file, target.pointer, target.dialect, "error", error.message)),
    ...loaded.skipped.map((s) => summary(s.file, "", "unknown", "skipped", s.reason)),
  ];
  const targets = [...result.report.targets, ...added];
  const inputWarnings = loaded.warnings.length > 0 ? { inputWarnings: loaded.warnings.map((w) => ({ ...w })) } : {};
  return { report: { ...result.report, targets, ...inputWarnings, totals: { ...result.report.totals, targets: targets.length } }, inputErrors: [...loaded.errors, ...result.inputErrors] };
}
