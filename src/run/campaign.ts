import { createRequire } from "node:module";
import type { Adapter } from "../adapters/adapter.js";
import { InputError } from "../schema/errors.js";
import type { SchemaRegistry } from "../schema/registry.js";
import type { Target } from "../schema/target.js";
import type { Finding } from "../model/finding.js";
import type { CampaignOptions } from "./options.js";
import type { RunReport, TargetSummary } from "../model/report.js";
import type { AdapterTally, TargetRunResult, TargetRunStages } from "./target-run.js";
import type { ProgressCounts } from "./progress-counts.js";
import { TimeLedger, type WorkUnit } from "./budget.js";
import { mergeRound } from "./round-merge.js";
import { settle, type Settled, type TargetExecutor } from "./jobs/executor.js";
import { InProcessExecutor } from "./jobs/in-process.js";

const version = (createRequire(import.meta.url)("../../../package.json") as { version: string }).version;

/** What a campaign returns: the report, the bad input met (targets after it still ran), and how the time went. */
export interface CampaignResult {
  report: RunReport;
  inputErrors: InputError[];
  time?: TimeSpent;
}

/** What the caller hears during a campaign, and how it stops one. */
export interface CampaignHooks {
  /** After each target, with its findings already shrunk (the CLI saves them to the corpus at once). */
  onTargetDone?: (target: Target, summary: TargetSummary, findings: Finding[]) => void | Promise<void>;
  /** When aborted, the target running is abandoned (recorded as an error) and no other starts. */
  signal?: AbortSignal;
}

/** How the campaign spent its time: per target time is each target's `timeMs` in the report. */
export interface TimeSpent {
  budgetMs?: number;
  /** Rounds each target had, in target order (1 each without a budget). */
  rounds: number[];
}

/**
 * One campaign: every target, the same adapters, one oracle and one generation context shared
 * by all targets (so shared definitions are compiled and built once). Each target stands
 * alone: whatever one throws (bad input, a stack overflow, a bug) is recorded on it as an
 * error naming file#pointer, and the campaign goes on. With `budgetMs` the time is shared
 * (budget.ts); runCampaignWith runs the same on other executors (worker threads).
 */
export async function runCampaign(targets: Target[], registry: SchemaRegistry, adapters: Adapter[], options: CampaignOptions & CampaignHooks, stages: TargetRunStages = {}): Promise<CampaignResult> {
  if (options.signal?.aborted) return { report: { ...buildReport(options, adapters, new Map(), [], [], 0, "fuzz"), interrupted: true }, inputErrors: [], time: { rounds: [] } };
  const executor = new InProcessExecutor(registry, adapters, options, stages);
  try {
    return await runCampaignWith(targets, [executor], options, { adapters, tallies: () => executor.tallies });
  } finally {
    await executor.close();
  }
}

/** What the report says of the adapters: which ran, and their verdict counts. */
export interface AdapterAccount {
  adapters: Adapter[];
  /** Read once the campaign is over. */
  tallies: () => Map<Adapter, AdapterTally>;
}

/** The campaign's rounds, each on the first idle executor; results are put in target order, so they do not depend on how many executors ran them. */
export async function runCampaignWith(targets: Target[], executors: TargetExecutor[], options: CampaignOptions & CampaignHooks, account: AdapterAccount): Promise<CampaignResult> {
  const started = performance.now();
  const ledger = new TimeLedger({ targets: targets.length, runs: options.runs, runsUnlimited: options.runsUnlimited === true, budgetMs: options.budgetMs }, started);
  const results: Array<TargetRunResult | undefined> = new Array(targets.length);
  const inputErrors: InputError[] = [];
  const idle = [...executors];
  const inFlight = new Map<number, Promise<UnitDone>>();
  let firstRounds = 0;
  while (!options.signal?.aborted) {
    for (let unit = idle.length > 0 ? ledger.next() : undefined; unit; unit = idle.length > 0 ? ledger.next() : undefined) {
      const executor = idle.pop()!;
      const target = targets[unit.index]!;
      const u = unit;
      inFlight.set(u.index, executor.run(u, target).then((outcome) => ({ unit: u, executor, outcome })));
    }
    if (inFlight.size === 0) break;
    const next = await untilAborted(Promise.race(inFlight.values()), options.signal);
    if (next === ABORTED || !next.ok) break;
    const { unit, executor, outcome } = next.value;
    inFlight.delete(unit.index);
    idle.push(executor);
    const target = targets[unit.index]!;
    const round = settled(target, outcome);
    if (!outcome.ok && outcome.error instanceof InputError) inputErrors.push(outcome.error);
    const merged = mergeRound(results[unit.index], round);
    results[unit.index] = merged.result;
    ledger.record(unit, round.summary, merged.fresh.length);
    await options.onTargetDone?.(target, merged.result.summary, merged.fresh);
    // Every round is progress: under a budget, rounds after each target's first go on for most of the run.
    if (unit.round === 0) firstRounds++;
    options.onTarget?.(firstRounds, targets.length, target.id, progressOf(results));
  }
  for (const index of inFlight.keys()) results[index] ??= { summary: errorSummary(targets[index]!, `${targets[index]!.id}: interrupted before this target finished`), findings: [] };
  const ran = Array.from(results).flatMap((r, i) => (r ? [r] : options.signal?.aborted ? [] : [{ summary: notReached(targets[i]!, options.budgetMs), findings: [] }]));
  const report = buildReport(options, account.adapters, account.tallies(), ran.map((r) => r.summary), ran.flatMap((r) => r.findings), performance.now() - started, "fuzz");
  if (options.signal?.aborted) report.interrupted = true;
  return { report, inputErrors, time: { ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }), rounds: ledger.rounds() } };
}

interface UnitDone {
  unit: WorkUnit;
  executor: TargetExecutor;
  outcome: Settled<TargetRunResult>;
}

function progressOf(results: Array<TargetRunResult | undefined>): ProgressCounts {
  let payloads = 0;
  let findings = 0;
  for (const r of results) {
    if (!r) continue;
    payloads += r.summary.payloads.valid + r.summary.payloads.invalid;
    findings += r.findings.length;
  }
  return { payloads, findings };
}

/** A target the time budget ran out before: skipped, saying so. */
function notReached(target: Target, budgetMs: number | undefined): TargetSummary {
  const why = budgetMs === undefined ? "not run" : `not run: the time budget (${Math.round(budgetMs / 1000)} s) was spent before this target's turn`;
  return { ...errorSummary(target, why), status: "skipped" };
}

const ABORTED = Symbol("aborted");

/** The run's outcome, or ABORTED as soon as the signal fires (the run is left behind, its failure ignored). */
async function untilAborted<T>(run: Promise<T>, signal: AbortSignal | undefined): Promise<Settled<T> | typeof ABORTED> {
  const outcome = settle(run);
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
  options: Pick<CampaignOptions, "seed" | "runs" | "formats" | "probes">,
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
    ...(options.probes ? { probes: options.probes } : {}),
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
