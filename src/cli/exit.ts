import type { InputError } from "../schema/errors.js";
import type { CampaignResult } from "../run/campaign.js";
import type { RunReport, TargetSummary } from "../model/report.js";

/**
 * Exit status contract (README, `conform --help`). When several apply, the first listed
 * wins: interrupted (130 SIGINT, 143 SIGTERM) > 2 bad usage or bad input > 1 disagreements
 * or faults found > 4 some target not tested > 0. Status 3 is an internal error (a bug).
 */
export const EXIT = { nothingFound: 0, found: 1, badInput: 2, internalError: 3, notAllTested: 4 } as const;

/** Targets that were not tested: in error, skipped (no oracle for their vocabulary or dialect), or unsatisfiable. */
export function untestedTargets(report: RunReport): TargetSummary[] {
  return report.targets.filter((t) => t.status !== "ok");
}

/** The status of a finished run; `adaptersNotStarted` counts adapters that could not start. */
export function exitCodeOf(result: Pick<CampaignResult, "inputErrors" | "report">, adaptersNotStarted = 0): number {
  if (result.inputErrors.length > 0) return EXIT.badInput;
  if (result.report.findings.length > 0) return EXIT.found;
  if (untestedTargets(result.report).length > 0 || adaptersNotStarted > 0) return EXIT.notAllTested;
  return EXIT.nothingFound;
}

/** One line per bad input, after the report: nothing already found is lost. */
export function printInputErrors(errors: InputError[]): void {
  for (const e of errors) process.stderr.write(`conform: ${e.message}\n`);
}

/** One line saying why the status is 4: how many targets were not tested, by status. */
export function printUntested(report: RunReport): void {
  const untested = untestedTargets(report);
  if (untested.length === 0) return;
  const byStatus = new Map<string, number>();
  for (const t of untested) byStatus.set(t.status, (byStatus.get(t.status) ?? 0) + 1);
  const counts = [...byStatus].map(([status, n]) => `${n} ${status}`).join(", ");
  process.stderr.write(`conform: ${untested.length} of ${report.targets.length} target(s) not tested (${counts}); the report says why\n`);
}
