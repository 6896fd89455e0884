import type { Coverage } from "../model/coverage.js";
import type { Finding } from "../model/finding.js";
import type { TargetSummary } from "../model/report.js";
import type { TargetRunResult } from "./target-run.js";

/** A target's results so far (several rounds under a time budget), and the findings its last round added. */
export interface Merged {
  result: TargetRunResult;
  fresh: Finding[];
}

/**
 * Adds one round of a target to its earlier rounds: payloads, time and adapters' skips add up;
 * a finding already reported for the same adapter, kind, keyword and place is not repeated
 * (as within one round, target-run.ts findingsOf); coverage is the union, branch hits the most
 * any round saw. A round that is not ok after ok ones keeps the ok status, with its message.
 */
export function mergeRound(before: TargetRunResult | undefined, round: TargetRunResult): Merged {
  if (!before) return { result: round, fresh: round.findings };
  const seen = new Set(before.findings.map(findingKey));
  const fresh = round.findings.filter((f) => !seen.has(findingKey(f)));
  return { result: { summary: mergedSummary(before.summary, round.summary), findings: [...before.findings, ...fresh] }, fresh };
}

export function findingKey(f: Finding): string {
  return [f.adapter, f.kind, f.keyword ?? "", f.schemaPath ?? "", f.kind.startsWith("adapter-") || f.kind === "protocol-error" ? (f.message ?? "").split("\n")[0] : ""].join("|");
}

function mergedSummary(a: TargetSummary, b: TargetSummary): TargetSummary {
  const out: TargetSummary = {
    ...a,
    payloads: { valid: a.payloads.valid + b.payloads.valid, invalid: a.payloads.invalid + b.payloads.invalid },
    invalidRejectedByOracle: a.invalidRejectedByOracle + b.invalidRejectedByOracle,
    timeMs: a.timeMs + b.timeMs,
  };
  if (b.status !== "ok" && a.status === "ok" && b.message) out.message = a.message ? `${a.message}; ${b.message}` : b.message;
  const coverage = a.coverage && b.coverage ? mergedCoverage(a.coverage, b.coverage) : (a.coverage ?? b.coverage);
  if (coverage) out.coverage = coverage;
  const skippedBy = [...(a.skippedBy ?? []), ...(b.skippedBy ?? []).filter((s) => !(a.skippedBy ?? []).some((t) => t.adapter === s.adapter))];
  if (skippedBy.length > 0) out.skippedBy = skippedBy;
  return out;
}

function mergedCoverage(a: Coverage, b: Coverage): Coverage {
  const broken = union(a.broken, b.broken);
  const brokenSet = new Set(broken);
  return {
    exercised: union(a.exercised, b.exercised),
    broken,
    neverBroken: a.neverBroken.filter((n) => !brokenSet.has(n.schemaPath) && b.neverBroken.some((m) => m.schemaPath === n.schemaPath)),
    branches: mergedBy(a.branches, b.branches, (x, y) => ({ ...x, hit: Math.max(x.hit, y.hit) })),
    optionalProperties: mergedBy(a.optionalProperties, b.optionalProperties, (x, y) => ({ ...x, present: x.present || y.present, absent: x.absent || y.absent })),
    ratio: Math.max(a.ratio, b.ratio),
  };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function mergedBy<T extends { schemaPath: string }>(a: T[], b: T[], join: (x: T, y: T) => T): T[] {
  const byPath = new Map(a.map((x) => [x.schemaPath, x]));
  for (const y of b) byPath.set(y.schemaPath, byPath.has(y.schemaPath) ? join(byPath.get(y.schemaPath)!, y) : y);
  return [...byPath.values()];
}
