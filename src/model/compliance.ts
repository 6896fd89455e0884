/**
 * The compliance table of `conform suite`: for each adapter, how many of the official suite's
 * tests of one dialect it passed, failed, could not run (errored: the schema did not compile,
 * the validator crashed) or skipped (it does not support the dialect), in total and per suite
 * file, as Bowtie shows it; and the tests it did not pass, each matched against the adapter's
 * known-failures list (adapters/known-failures/<adapter>.json).
 */
export type TestOutcome = "passed" | "failed" | "errored" | "skipped";

export const TEST_OUTCOMES: readonly TestOutcome[] = ["passed", "failed", "errored", "skipped"];

export type OutcomeCounts = Record<TestOutcome, number>;

/** One test an adapter did not pass. */
export interface UnsuccessfulTest {
  /** The suite file, relative to the dialect's folder: "ref.json", "optional/bignum.json". */
  file: string;
  /** The group's (case's) description. */
  group: string;
  /** The test's description. */
  test: string;
  outcome: Exclude<TestOutcome, "passed">;
  /** The adapter's message (errored, skipped). */
  message?: string;
  /** The reason the known-failures list gives, when the test is listed there. */
  known?: string;
}

/** An entry of an adapter's known-failures list; without `test`, every test of the group. */
export interface KnownFailure {
  dialect: string;
  file: string;
  group: string;
  test?: string;
  reason: string;
}

export interface AdapterCompliance {
  adapter: string;
  version?: string;
  counts: OutcomeCounts;
  files: Array<{ file: string; counts: OutcomeCounts }>;
  unsuccessful: UnsuccessfulTest[];
  /** Known-failures entries of this dialect whose tests all ran and passed: the list is out of date. */
  stale: KnownFailure[];
}

export interface ComplianceTable {
  dialect: string;
  adapters: AdapterCompliance[];
}
