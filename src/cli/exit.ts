import type { InputError } from "../schema/errors.js";
import type { CampaignResult } from "../run/campaign.js";

/** Exit status contract: 2 bad input, 1 disagreements or faults found, 0 nothing found. */
export function exitCodeOf(result: Pick<CampaignResult, "inputErrors" | "report">): number {
  if (result.inputErrors.length > 0) return 2;
  return result.report.findings.length > 0 ? 1 : 0;
}

/** One line per bad input, after the report: nothing already found is lost. */
export function printInputErrors(errors: InputError[]): void {
  for (const e of errors) process.stderr.write(`conform: ${e.message}\n`);
}
