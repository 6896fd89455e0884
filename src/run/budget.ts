import type { TargetSummary } from "../model/report.js";
import type { Coverage } from "../model/coverage.js";

/** One piece of work: a round of one target (round 0 draws what a run without a budget draws). */
export interface WorkUnit {
  index: number;
  round: number;
  runs: number;
}

/** Payloads per round of a target once a time budget is shared (small, so time moves to where it pays). */
export const BUDGET_ROUND_RUNS = 20;

interface Account {
  rounds: number;
  payloads: number;
  spentMs: number;
  weight: number;
  /** No more rounds: the target is not ok, or it drew all its `--runs`. */
  done: boolean;
  inFlight: boolean;
}

export interface BudgetPlan {
  targets: number;
  /** Payloads per target: the cap when a budget is set, unless `runsUnlimited`. */
  runs: number;
  /** With a budget and no --runs given: rounds go on until the time is spent. */
  runsUnlimited: boolean;
  budgetMs?: number;
}

/**
 * Shares a campaign's time among its targets. Without a budget every target gets one round of
 * `runs`. With one, every target first gets a round (in order), then rounds go to the target
 * whose spent time is least for its weight: more keywords, more uncovered branches and optional
 * properties, and fresh findings in its last round weigh more. Stops when the budget is spent,
 * or when every target has drawn its `runs` (whichever ends first).
 */
export class TimeLedger {
  private readonly accounts: Account[];
  private readonly deadline: number;
  private nextFirst = 0;

  constructor(
    private readonly plan: BudgetPlan,
    started = performance.now(),
  ) {
    this.accounts = Array.from({ length: plan.targets }, () => ({ rounds: 0, payloads: 0, spentMs: 0, weight: 1, done: false, inFlight: false }));
    this.deadline = plan.budgetMs === undefined ? Infinity : started + plan.budgetMs;
  }

  get budgeted(): boolean {
    return this.plan.budgetMs !== undefined;
  }

  /** The next unit to run, or undefined when none is left now (all done, in flight, or out of time). */
  next(now = performance.now()): WorkUnit | undefined {
    if (now >= this.deadline) return undefined;
    if (this.nextFirst < this.accounts.length) return this.take(this.nextFirst++);
    if (!this.budgeted) return undefined;
    let best = -1;
    this.accounts.forEach((a, i) => {
      if (a.done || a.inFlight) return;
      if (best < 0 || a.spentMs / a.weight < this.accounts[best]!.spentMs / this.accounts[best]!.weight) best = i;
    });
    return best < 0 ? undefined : this.take(best);
  }

  /** Whether waiting for a unit in flight could free more work (false: the campaign is over once in-flight units end). */
  anyLeft(now = performance.now()): boolean {
    return now < this.deadline && (this.nextFirst < this.accounts.length || (this.budgeted && this.accounts.some((a) => !a.done)));
  }

  /** Books a finished unit: its time, payloads and how much more it deserves. `fresh`: findings not seen in its earlier rounds. */
  record(unit: WorkUnit, summary: TargetSummary, fresh: number): void {
    const a = this.accounts[unit.index]!;
    a.inFlight = false;
    a.rounds++;
    a.spentMs += summary.timeMs;
    a.payloads += summary.payloads.valid + summary.payloads.invalid;
    a.weight = weightOf(summary.coverage, fresh);
    a.done = summary.status !== "ok" || (!this.plan.runsUnlimited && a.payloads >= this.plan.runs) || summary.payloads.valid + summary.payloads.invalid === 0;
  }

  /** Rounds each target had, in target order. */
  rounds(): number[] {
    return this.accounts.map((a) => a.rounds);
  }

  private take(index: number): WorkUnit {
    const a = this.accounts[index]!;
    a.inFlight = true;
    const left = this.plan.runsUnlimited ? Infinity : this.plan.runs - a.payloads;
    const runs = this.budgeted ? Math.min(BUDGET_ROUND_RUNS, left) : this.plan.runs;
    return { index, round: a.rounds, runs: Math.max(1, runs) };
  }
}

/**
 * What one more round of a target is worth: 1, plus a share of its keywords, plus what its
 * coverage still misses (branches, optional properties seen only one way, keywords never
 * exercised nor broken for want of payloads), plus 4 per fresh finding.
 */
export function weightOf(coverage: Coverage | undefined, fresh: number): number {
  if (!coverage) return 1 + 4 * fresh;
  const keywords = coverage.exercised.length + coverage.broken.length + coverage.neverBroken.length;
  const branchesMissed = coverage.branches.reduce((n, b) => n + Math.max(0, b.total - b.hit), 0);
  const optionalMissed = coverage.optionalProperties.filter((o) => !o.present || !o.absent).length;
  return 1 + keywords / 20 + branchesMissed + optionalMissed / 2 + 4 * fresh;
}

/** The seed of a target's round: round 0 is the run's seed itself (a run without a budget draws the same payloads). */
export function roundSeed(seed: number, round: number): number {
  return round === 0 ? seed : (seed + Math.imul(round, 0x9e3779b1)) | 0;
}
