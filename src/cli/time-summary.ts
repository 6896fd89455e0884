import path from "node:path";
import type { RunReport } from "../model/report.js";
import type { TimeSpent } from "../run/campaign.js";
import { formatDuration } from "./duration.js";

/** How many targets the summary line names by the time they took. */
const NAMED = 3;

/**
 * One line on how a time budget was spent: budget, time taken, rounds, and the targets that took
 * most (each target's time is its `timeMs` in the JSON report).
 */
export function timeSummaryLine(report: RunReport, time: TimeSpent): string {
  const rounds = time.rounds.reduce((a, b) => a + b, 0);
  const ranked = report.targets.map((t, i) => ({ t, rounds: time.rounds[i] ?? 0 })).sort((a, b) => b.t.timeMs - a.t.timeMs).slice(0, NAMED);
  const named = ranked.map(({ t, rounds: r }) => `${path.basename(t.target.file)}${t.target.pointer === "" ? "" : `#${t.target.pointer}`} ${formatDuration(t.timeMs)} (${r} round${r === 1 ? "" : "s"})`);
  const budget = time.budgetMs === undefined ? "" : `${formatDuration(time.budgetMs)} budget, `;
  return `time: ${budget}${formatDuration(report.totals.timeMs)} spent on ${report.targets.length} targets in ${rounds} rounds; most: ${named.join(", ")}`;
}
