import type { Verdict } from "../adapters/adapter.js";
import {
  TEST_OUTCOMES, type AdapterCompliance, type ComplianceTable, type KnownFailure, type OutcomeCounts, type TestOutcome, type UnsuccessfulTest,
} from "../model/compliance.js";

/** One suite test as the table needs it: where it is and what the suite expects. */
export interface SuiteTest {
  file: string;
  group: string;
  test: string;
  valid: boolean;
}

interface AdapterTally {
  files: Map<string, OutcomeCounts>;
  unsuccessful: Array<Omit<UnsuccessfulTest, "known">>;
  passed: Set<string>;
}

/**
 * An adapter's verdict on one test, against the suite's expectation. A skip counts as skipped
 * only when the adapter does not claim the dialect; an adapter that claims it and skips (it
 * could not compile the schema, it cannot resolve a reference) errored: a validator that
 * compiles nothing must not look clean.
 */
export function outcomeOf(verdict: Verdict | undefined, expectedValid: boolean, claimsDialect: boolean): TestOutcome {
  if (verdict === undefined || "errored" in verdict) return "errored";
  if ("skipped" in verdict) return claimsDialect ? "errored" : "skipped";
  return verdict.valid === expectedValid ? "passed" : "failed";
}

export function zeroCounts(): OutcomeCounts {
  return { passed: 0, failed: 0, errored: 0, skipped: 0 };
}

function addCounts(into: OutcomeCounts, from: OutcomeCounts): void {
  for (const o of TEST_OUTCOMES) into[o] += from[o];
}

const testKey = (file: string, group: string, test: string) => JSON.stringify([file, group, test]);
const groupKey = (file: string, group: string) => JSON.stringify([file, group]);

/** Collects every adapter's verdict on every suite test, then builds the compliance table. */
export class ComplianceCollector {
  private readonly tallies = new Map<string, AdapterTally>();

  /** `claimsDialect(adapter)`: whether the adapter says it supports the run's dialect (its skips are then errors). */
  constructor(private readonly claimsDialect: (adapter: string) => boolean) {}

  /** The verdicts of each adapter (by name) on the tests of one group, in the tests' order. */
  record(tests: readonly SuiteTest[], verdicts: ReadonlyMap<string, readonly Verdict[]>): void {
    for (const [adapter, vs] of verdicts) {
      const tally = this.tallyOf(adapter);
      const claims = this.claimsDialect(adapter);
      tests.forEach((t, i) => {
        const verdict = vs[i];
        const outcome = outcomeOf(verdict, t.valid, claims);
        const counts = tally.files.get(t.file) ?? zeroCounts();
        counts[outcome]++;
        tally.files.set(t.file, counts);
        if (outcome === "passed") tally.passed.add(testKey(t.file, t.group, t.test));
        else tally.unsuccessful.push({ file: t.file, group: t.group, test: t.test, outcome, ...messageOf(verdict) });
      });
    }
  }

  /** The table, each adapter's unsuccessful tests matched against its known failures (by adapter name). */
  table(dialect: string, adapters: ReadonlyArray<{ name: string; version?: string }>, known: ReadonlyMap<string, readonly KnownFailure[]>): ComplianceTable {
    return { dialect, adapters: adapters.map((a) => this.adapterRow(a, (known.get(a.name) ?? []).filter((k) => k.dialect === dialect))) };
  }

  private adapterRow(adapter: { name: string; version?: string }, known: readonly KnownFailure[]): AdapterCompliance {
    const tally = this.tallyOf(adapter.name);
    const counts = zeroCounts();
    const files = [...tally.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, c]) => {
      addCounts(counts, c);
      return { file, counts: c };
    });
    const unsuccessful = tally.unsuccessful.map((u): UnsuccessfulTest => {
      const entry = known.find((k) => matchesKnown(k, u));
      return entry ? { ...u, known: entry.reason } : u;
    });
    const failedGroups = new Set(tally.unsuccessful.map((u) => groupKey(u.file, u.group)));
    const passedGroups = new Set([...tally.passed].map((k) => { const [f, g] = JSON.parse(k) as string[]; return groupKey(f!, g!); }));
    const stale = known.filter((k) => (k.test === undefined ? passedGroups.has(groupKey(k.file, k.group)) && !failedGroups.has(groupKey(k.file, k.group)) : tally.passed.has(testKey(k.file, k.group, k.test))));
    return { adapter: adapter.name, ...(adapter.version ? { version: adapter.version } : {}), counts, files, unsuccessful, stale };
  }

  private tallyOf(adapter: string): AdapterTally {
    let tally = this.tallies.get(adapter);
    if (!tally) this.tallies.set(adapter, (tally = { files: new Map(), unsuccessful: [], passed: new Set() }));
    return tally;
  }
}

function messageOf(verdict: Verdict | undefined): { message?: string } {
  if (verdict === undefined) return { message: "no verdict" };
  return "message" in verdict && typeof verdict.message === "string" ? { message: verdict.message } : {};
}

/** Whether a known-failures entry names this test (an entry without `test` names its whole group). */
export function matchesKnown(k: KnownFailure, t: { file: string; group: string; test: string }): boolean {
  return k.file === t.file && k.group === t.group && (k.test === undefined || k.test === t.test);
}

/** Failed or errored tests the known-failures lists do not name: what makes `conform suite` exit 1. */
export function unexpectedFailures(table: ComplianceTable): Array<UnsuccessfulTest & { adapter: string }> {
  return table.adapters.flatMap((a) => a.unsuccessful.filter((u) => u.outcome !== "skipped" && u.known === undefined).map((u) => ({ ...u, adapter: a.adapter })));
}

/** Adapters that ran none of the tests (every one skipped or errored): they must not look clean. */
export function adaptersThatRanNothing(table: ComplianceTable): AdapterCompliance[] {
  return table.adapters.filter((a) => a.counts.passed + a.counts.failed === 0);
}

export function totalOf(counts: OutcomeCounts): number {
  return counts.passed + counts.failed + counts.errored + counts.skipped;
}
