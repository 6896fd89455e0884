import { FINDING_KINDS, type Finding, type FindingKind } from "../model/finding.js";
import type { RunReport } from "../model/report.js";
import { targetLabel } from "./labels.js";

export interface KindGroup {
  kind: FindingKind;
  findings: Finding[];
}

export interface AdapterGroup {
  adapter: string;
  kinds: KindGroup[];
}

/**
 * Findings by adapter, then by kind. Adapters come in the report's order, then any
 * other name a finding carries (the oracle, for oracle-disagreement); kinds in
 * FINDING_KINDS order; findings keep the run's order. Adapters without findings are left out.
 */
export function groupFindings(report: RunReport): AdapterGroup[] {
  return adapterOrder(report)
    .map((adapter) => ({ adapter, kinds: groupByKind(report.findings.filter((f) => f.adapter === adapter)) }))
    .filter((group) => group.kinds.length > 0);
}

/** Every adapter name: the declared ones first, then those only findings mention. */
export function adapterOrder(report: RunReport): string[] {
  const names = report.adapters.map((a) => a.name);
  for (const finding of report.findings) if (!names.includes(finding.adapter)) names.push(finding.adapter);
  return names;
}

/** Non-empty kind groups in FINDING_KINDS order. */
export function groupByKind(findings: Finding[]): KindGroup[] {
  return FINDING_KINDS.map((kind) => ({ kind, findings: findings.filter((f) => f.kind === kind) })).filter(
    (group) => group.findings.length > 0,
  );
}

/** The findings about one target, by its label. */
export function findingsOfTarget(findings: Finding[], label: string): Finding[] {
  return findings.filter((f) => targetLabel(f.target) === label);
}

/** "false-accept 2, adapter-error 1", or "none". */
export function kindCounts(findings: Finding[]): string {
  const groups = groupByKind(findings);
  if (groups.length === 0) return "none";
  return groups.map((g) => `${g.kind} ${g.findings.length}`).join(", ");
}
