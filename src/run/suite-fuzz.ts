import type { Adapter } from "../adapters/adapter.js";
import type { SuiteGroup } from "../schema/suite.js";
import { buildReport, runCampaign, type CampaignResult } from "./campaign.js";
import type { CampaignOptions } from "./options.js";
import type { TargetRunStages } from "./target-run.js";

/**
 * Fuzzes the schema of every group of the official suite (not only its listed tests): each
 * group has a registry of its own, so each is a campaign of one target; their reports merge.
 */
export async function fuzzSuiteGroups(groups: SuiteGroup[], adapters: Adapter[], options: CampaignOptions, stages: TargetRunStages): Promise<CampaignResult> {
  const started = performance.now();
  const merged: CampaignResult = { report: buildReport(options, adapters, new Map(), [], [], 0, "suite"), inputErrors: [] };
  const checked = new Map<string, { checked: number; skipped: number }>();
  for (const [i, group] of groups.entries()) {
    const { report, inputErrors } = await runCampaign([group.target], group.target.registry, adapters, { ...options, onTarget: undefined }, stages);
    merged.report.targets.push(...report.targets);
    merged.report.findings.push(...report.findings);
    merged.inputErrors.push(...inputErrors);
    for (const a of report.adapters) {
      const c = checked.get(a.name) ?? { checked: 0, skipped: 0 };
      c.checked += a.checked;
      c.skipped += a.skipped;
      checked.set(a.name, c);
    }
    options.onTarget?.(i + 1, groups.length, group.target.id);
  }
  const tallies = new Map(adapters.map((a) => [a, checked.get(a.name) ?? { checked: 0, skipped: 0 }]));
  const report = buildReport(options, adapters, tallies, merged.report.targets, merged.report.findings, performance.now() - started, "suite");
  return { report, inputErrors: merged.inputErrors };
}
