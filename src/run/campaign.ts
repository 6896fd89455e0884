import { createRequire } from "node:module";
import type { Adapter } from "../adapters/adapter.js";
import { GenContext } from "../generate/valid/index.js";
import { Oracle } from "../oracle/oracle.js";
import { InputError } from "../schema/errors.js";
import type { SchemaRegistry } from "../schema/registry.js";
import type { Target } from "../schema/target.js";
import type { Finding } from "../model/finding.js";
import type { CampaignOptions } from "./options.js";
import type { RunReport, TargetSummary } from "../model/report.js";
import { FormatTwins } from "./format-twins.js";
import { runTarget, type AdapterTally, type TargetRunResult, type TargetRunStages } from "./target-run.js";

const version = (createRequire(import.meta.url)("../../../package.json") as { version: string }).version;

/** What a campaign returns: the report, and the first bad input met (targets after it still ran). */
export interface CampaignResult {
  report: RunReport;
  inputErrors: InputError[];
}

/** What the caller hears during a campaign, and how it stops one. */
export interface CampaignHooks {
  /** After each target, with its findings already shrunk (the CLI saves them to the corpus at once). */
  onTargetDone?: (target: Target, summary: TargetSummary, findings: Finding[]) => void | Promise<void>;
  /** When aborted, the target running is abandoned (recorded as an error) and no other starts. */
  signal?: AbortSignal;
}

/**
 * One campaign: every target in turn, the same adapters, one oracle and one generation
 * context shared by all targets (so shared definitions are compiled and built once).
 * Each target stands alone: whatever one throws (bad input, a stack overflow, a bug) is
 * recorded on it as an error naming file#pointer, and the campaign goes on.
 */
export async function runCampaign(targets: Target[], registry: SchemaRegistry, adapters: Adapter[], options: CampaignOptions & CampaignHooks, stages: TargetRunStages = {}): Promise<CampaignResult> {
  const started = performance.now();
  if (options.signal?.aborted) return { report: { ...buildReport(options, adapters, new Map(), [], [], 0, "fuzz"), interrupted: true }, inputErrors: [] };
  const oracle = new Oracle(registry, options.formats);
  const ctx = new GenContext(registry, oracle, options.generate);
  const tallies = new Map<Adapter, AdapterTally>();
  const twins = options.formatBlind && options.formats === "assert" ? new FormatTwins(options.formatBlind) : undefined;
  const summaries: TargetSummary[] = [];
  const findings: Finding[] = [];
  const inputErrors: InputError[] = [];
  try {
    for (const [i, target] of targets.entries()) {
      if (options.signal?.aborted) break;
      const outcome = await untilAborted(runTarget(target, adapters, ctx, options, stages, { tallies, twins }), options.signal);
      const done = outcome === ABORTED ? { summary: errorSummary(target, `${target.id}: interrupted before this target finished`), findings: [] } : settled(target, outcome);
      if (outcome !== ABORTED && !outcome.ok && outcome.error instanceof InputError) inputErrors.push(outcome.error);
      summaries.push(done.summary);
      findings.push(...done.findings);
      await options.onTargetDone?.(target, done.summary, done.findings);
      options.onTarget?.(i + 1, targets.length, target.id, { payloads: payloadsSoFar(summaries), findings: findings.length });
    }
  } finally {
    await twins?.close();
  }
  const report = buildReport(options, adapters, tallies, summaries, findings, performance.now() - started, "fuzz");
  if (options.signal?.aborted) report.interrupted = true;
  return { report, inputErrors };
}

function payloadsSoFar(summaries: TargetSummary[]): number {
  return summaries.reduce((n, s) => n + s.payloads.valid + s.payloads.invalid, 0);
}

const ABORTED = Symbol("aborted");
type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The run's outcome, or ABORTED as soon as the signal fires (the run is left behind, its failure ignored). */
async function untilAborted<T>(run: Promise<T>, signal: AbortSignal | undefined): Promise<Settled<T> | typeof ABORTED> {
  const outcome = run.then((value): Settled<T> => ({ ok: true, value }), (error: unknown): Settled<T> => ({ ok: false, error }));
  if (!signal) return outcome;
  if (signal.aborted) return ABORTED;
  let onAbort = (): void => undefined;
  const aborted = new Promise<typeof ABORTED>((resolve) => signal.addEventListener("abort", (onAbort = () => resolve(ABORTED)), { once: true }));
  try {
    return await Promise.race([outcome, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/** A target's result, or its failure as a target in error. */
function settled(target: Target, outcome: Settled<TargetRunResult>): TargetRunResult {
  if (outcome.ok) return outcome.value;
  return { summary: errorSummary(target, failureLine(target, outcome.error)), findings: [] };
}

/** One line naming file#pointer: an InputError names them already; anything else is prefixed. */
function failureLine(target: Target, error: unknown): string {
  if (error instanceof InputError) return error.message;
  const text = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  return `${target.id}: ${text.split("\n")[0]}`;
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
