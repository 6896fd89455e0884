import { uniqueBy } from "../canonical/json-equal.js";
import type { Finding } from "../model/finding.js";
import type { AdapterSummary, RunReport, TargetSummary } from "../model/report.js";

/** Why reports cannot be joined (the CLI prints it on one line, exit 2). */
export class ReportsDisagree extends Error {}

/**
 * The shards of one run joined into one report, as if the run had not been split: targets
 * and findings concatenated (a finding or target twice is kept once), each adapter's counts
 * and the payloads summed, the totals counted again. `timeMs` is the sum over the shards.
 * The shards must share command, seed, runs and format policy: else they are not one run.
 */
export function mergeReports(reports: RunReport[]): RunReport {
  const [first] = reports;
  if (!first) throw new ReportsDisagree("no report to merge");
  for (const key of ["command", "seed", "runs", "formatPolicy", "probes"] as const) {
    const values = new Set(reports.map((r) => String(r[key])));
    if (values.size > 1) throw new ReportsDisagree(`the reports are not shards of one run: their ${key} differs (${[...values].join(", ")})`);
  }
  const targets = uniqueBy(reports.flatMap((r) => r.targets), (t: TargetSummary) => `${t.target.file}#${t.target.pointer}`);
  const findings = uniqueBy(reports.flatMap((r) => r.findings), findingKey);
  const warnings = uniqueBy(reports.flatMap((r) => r.inputWarnings ?? []), (w) => `${w.file}#${w.pointer}: ${w.message}`);
  const byKind: Record<string, number> = {};
  for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  return {
    tool: first.tool,
    startedAt: reports.map((r) => r.startedAt).sort()[0]!,
    command: first.command,
    seed: first.seed,
    runs: first.runs,
    formatPolicy: first.formatPolicy,
    ...(first.probes ? { probes: first.probes } : {}),
    adapters: mergeAdapters(reports.flatMap((r) => r.adapters)),
    targets,
    findings,
    ...(warnings.length > 0 ? { inputWarnings: warnings } : {}),
    ...(reports.some((r) => r.interrupted) ? { interrupted: true as const } : {}),
    totals: {
      targets: targets.length,
      payloads: targets.reduce((n, t) => n + t.payloads.valid + t.payloads.invalid, 0),
      findings: findings.length,
      byKind,
      timeMs: reports.reduce((n, r) => n + r.totals.timeMs, 0),
    },
  };
}

/** A finding's identity across shards: what it is, by whom, where, and on what instance. */
function findingKey(f: Finding): string {
  return JSON.stringify([f.kind, f.adapter, f.target.file, f.target.pointer, f.keyword, f.schemaPath, f.instance]);
}

function mergeAdapters(all: AdapterSummary[]): AdapterSummary[] {
  const byName = new Map<string, AdapterSummary>();
  for (const a of all) {
    const seen = byName.get(a.name);
    if (!seen) byName.set(a.name, { ...a, dialects: [...a.dialects] });
    else {
      seen.checked += a.checked;
      seen.skipped += a.skipped;
      for (const d of a.dialects) if (!seen.dialects.includes(d)) seen.dialects.push(d);
    }
  }
  return [...byName.values()];
}
