import { createRequire } from "node:module";
import type { Adapter } from "../adapters/adapter.js";
import { GenContext } from "../generate/valid/index.js";
import { Oracle } from "../oracle/oracle.js";
import { InputError } from "../schema/errors.js";
import type { SchemaRegistry } from "../schema/registry.js";
import type { Target } from "../schema/target.js";
import type { Finding } from "./finding.js";
import type { CampaignOptions } from "./options.js";
import type { RunReport, TargetSummary } from "./report-model.js";
import { FormatTwins } from "./format-twins.js";
import { runTarget, type AdapterTally, type TargetRunStages } from "./target-run.js";

const version = (createRequire(import.meta.url)("../../../package.json") as { version: string }).version;

/** What a campaign returns: the report, and the first bad input met (targets after it still ran). */
export interface CampaignResult {
  report: RunReport;
  inputErrors: InputError[];
}

/**
 * One campaign: every target in turn, the same adapters, one oracle and one generation
 * context shared by all targets (so shared definitions are compiled and built once).
 * A target with bad input (an unresolvable $ref) is recorded and the campaign goes on.
 */
export async function runCampaign(targets: Target[], registry: SchemaRegistry, adapters: Adapter[], options: CampaignOptions, stages: TargetRunStages = {}): Promise<CampaignResult> {
  const started = performance.now();
  const oracle = new Oracle(registry, options.formats);
  const ctx = new GenContext(registry, oracle);
  const tallies = new Map<Adapter, AdapterTally>();
  const twins = options.formatBlind && options.formats === "assert" ? new FormatTwins(options.formatBlind) : undefined;
  const summaries: TargetSummary[] = [];
  const findings: Finding[] = [];
  const inputErrors: InputError[] = [];
  try {
    for (const [i, target] of targets.entries()) {
      try {
        const result = await runTarget(target, adapters, ctx, options, stages, { tallies, twins });
        summaries.push(result.summary);
        findings.push(...result.findings);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        inputErrors.push(e);
        summaries.push(errorSummary(target, e.message));
      }
      options.onTarget?.(i + 1, targets.length, target.id);
    }
  } finally {
    await twins?.close();
  }
  const report = buildReport(options, adapters, tallies, summaries, findings, performance.now() - started, "fuzz");
  return { report, inputErrors };
}

function errorSummary(target: Target, message: string): TargetSummary {
  return {
    target: { file: target.file, pointer: target.pointer, uri: target.uri },
    dialect: target.dialect,
    status: "error",
    message,
    payloads: { valid: 0, invalid: 0 },
    invalidRejectedByOracle: 0,
    timeMs: 0,
  };
}

export function buildReport(
  options: Pick<CampaignOptions, "seed" | "runs" | "formats">,
  adapters: Adapter[],
  tallies: Map<Adapter, AdapterTally>,
  targets: TargetSummary[],
  findings: Finding[],
  timeMs: number,
  command: RunReport["command"],
): RunReport {
  const byKind: Record<string, number> = {};
  for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  return {
    tool: { name: "schema-conform", version },
    startedAt: new Date(Date.now() - timeMs).toISOString(),
    command,
    seed: options.seed,
    runs: options.runs,
    formatPolicy: options.formats,
    adapters: adapters.map((a) => ({
      name: a.name,
      ...(a.version ? { version: a.version } : {}),
      dialects: a.dialects,
      checked: tallies.get(a)?.checked ?? 0,
      skipped: tallies.get(a)?.skipped ?? 0,
    })),
    targets,
    findings,
    totals: {
      targets: targets.length,
      payloads: targets.reduce((n, t) => n + t.payloads.valid + t.payloads.invalid, 0),
      findings: findings.length,
      byKind,
      timeMs: Math.round(timeMs),
    },
  };
}
