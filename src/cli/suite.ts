import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { loadSuiteFile, type ReplayCase } from "../corpus/index.js";
import { replayCases } from "../run/replay.js";
import { fuzzSuiteGroups } from "../run/suite-fuzz.js";
import { DEFAULT_CAMPAIGN_OPTIONS } from "../run/options.js";
import { defaultStages } from "../run/stages.js";
import { loadSuiteGroups } from "../schema/suite.js";
import { CorpusWriter } from "../run/corpus-findings.js";
import { assertCreatableFolder, assertReportsWritable } from "./preflight.js";
import { declareStopsCleanly, stopRequested, stopSignal } from "./stop.js";
import { stopAllHarnesses } from "../adapters/subprocess/harness-process.js";
import type { Finding } from "../model/finding.js";
import type { RunReport } from "../model/report.js";
import type { Target } from "../schema/target.js";
import { progressPrinter } from "./progress.js";
import type { Dialect } from "../schema/dialect.js";
import { UsageError } from "../schema/errors.js";
import type { Verdict } from "../adapters/adapter.js";
import type { ComplianceTable } from "../model/compliance.js";
import { adaptersThatRanNothing, ComplianceCollector, totalOf, unexpectedFailures, type SuiteTest } from "../report/compliance.js";
import { loadKnownFailures, shippedKnownFailuresDir } from "../report/compliance-known.js";
import { EXIT } from "./exit.js";
import { BowtieRecorder } from "../report/bowtie.js";
import { writeFileAtomic } from "../report/index.js";
import { DIALECT_URI } from "../schema/dialect.js";
import {
  adapterOption, chooseSeed, closeAll, formatBlindOf, createAdapters, formatsOption, parseDialect, parseFormats, parseInteger, parseReports,
  remotesOption, reportOption,
  finishRun, remoteDocuments, serviceOptionsOf,
} from "./common.js";
import type { ServiceFlags } from "../adapters/service/options.js";

interface SuiteFlags extends ServiceFlags {
  suite: string;
  dialect: string;
  adapter: string[];
  timeout: number;
  report: string[];
  remotes: string[];
  formats: string;
  fuzz?: number;
  seed?: number;
  corpus?: string;
  optional?: boolean;
  optionalFormat?: boolean;
  knownFailures?: string;
  quiet?: boolean;
}

/** The suite's folder name of each dialect. */
const SUITE_FOLDERS: Record<Dialect, string> = {
  "draft-04": "draft4", "draft-06": "draft6", "draft-07": "draft7", "2019-09": "draft2019-09", "2020-12": "draft2020-12",
};

export function suiteCommand(): Command {
  return new Command("suite")
    .description("run the official JSON-Schema-Test-Suite (tests/<dialect>/*.json) through the oracle and the adapters")
    .option("--suite <DIR>", "checkout of JSON-Schema-Test-Suite (its remotes/ are served at http://localhost:1234/ unless --remotes is given)", "JSON-Schema-Test-Suite")
    .option("--dialect <name>", "dialect to run", "2020-12")
    .addOption(adapterOption())
    .option("--timeout <MS>", "time limit per adapter request, ms", parseInteger("--timeout", 1), 10_000)
    .addOption(reportOption())
    .addOption(remotesOption())
    .addOption(formatsOption(true))
    .option("--fuzz <N>", "instead of the listed tests, fuzz every group's schema with N generated payloads", parseInteger("--fuzz", 1))
    .option("--seed <N>", "seed for --fuzz (default: random, printed to stderr)", parseInteger("--seed", -(2 ** 31)))
    .option("--corpus <DIR>", "with --fuzz: save each new shrunk counterexample to DIR, naming its suite file and group (`conform replay` serves the suite's remotes again)")
    .option("--optional", "also run the dialect's optional/ tests (bignum, ecmascript-regex, non-BMP…; not optional/format)")
    .option("--optional-format", "also run optional/format/ (one file per format; judged under the format policy, so pair it with --formats assert)")
    .option("--quiet", "with --fuzz: no progress lines on stderr")
    .option("--known-failures <DIR>", "folder of <adapter>.json known-failures lists the exit status is computed against (default: the lists shipped in adapters/known-failures/)")
    .action(async (flags: SuiteFlags) => {
      process.exitCode = await suite(flags);
    });
}

/**
 * In `conform suite` the label is the specification's own verdict (the suite's `valid`), not a
 * construction: where the oracle departs from it and every adapter agrees with the suite, ajv is
 * the one wrong ($dynamicRef, unevaluated*, $vocabulary…), so that oracle-disagreement is dropped
 * from the findings (and the exit status) and counted instead. Returns how many were dropped.
 */
function settleOracleDepartures(report: RunReport, adapterNames: string[]): number {
  const settled = (f: Finding) => f.kind === "oracle-disagreement" && adapterNames.length > 0 && adapterNames.every((name) => f.witnesses?.[name] === f.expected);
  const kept = report.findings.filter((f) => !settled(f));
  const dropped = report.findings.length - kept.length;
  report.findings = kept;
  report.totals.findings = kept.length;
  report.totals.byKind = {};
  for (const f of kept) report.totals.byKind[f.kind] = (report.totals.byKind[f.kind] ?? 0) + 1;
  return dropped;
}

async function suite(flags: SuiteFlags): Promise<number> {
  const allReports = parseReports(flags.report, true);
  assertReportsWritable(allReports);
  const reports = allReports.filter((r) => r.format !== "bowtie");
  const bowtieReports = allReports.filter((r) => r.format === "bowtie");
  if (bowtieReports.length > 0 && flags.fuzz !== undefined) throw new UsageError("--report bowtie: needs the suite's listed tests, not --fuzz");
  const dialect = parseDialect(flags.dialect);
  if (flags.corpus !== undefined && flags.fuzz === undefined) throw new UsageError("--corpus needs --fuzz: the listed tests are the suite's own cases already");
  if (flags.corpus !== undefined) assertCreatableFolder(flags.corpus, `--corpus ${flags.corpus}`);
  const dir = path.join(flags.suite, "tests", SUITE_FOLDERS[dialect]);
  if (!fs.existsSync(dir)) throw new UsageError(`${dir}: no such folder; point --suite at a JSON-Schema-Test-Suite checkout`);
  const folders = [dir, ...(flags.optional ? [path.join(dir, "optional")] : []), ...(flags.optionalFormat ? [path.join(dir, "optional", "format")] : [])];
  for (const folder of folders.slice(1)) if (!fs.existsSync(folder)) throw new UsageError(`${folder}: no such folder in this suite checkout`);
  const formats = parseFormats(flags.formats, dialect);
  const remoteSpecs = flags.remotes.length > 0 ? flags.remotes : [`http://localhost:1234/=${path.join(flags.suite, "remotes")}`];
  // Harnesses and workers start while the suite's files are read (their start was a fifth of a run).
  const starting = createAdapters(flags.adapter, flags.timeout, formats, serviceOptionsOf(flags));
  starting.catch(() => undefined); // awaited below; a failure to start must not be an unhandled rejection meanwhile
  let cases: ReplayCase[];
  let remotes: ReturnType<typeof remoteDocuments>;
  try {
    cases = [];
    for (const folder of folders) for (const f of suiteFilesIn(folder)) cases.push(...(await loadSuiteFile(f, dialect)));
    remotes = remoteDocuments(remoteSpecs, dialect);
  } catch (e) {
    await closeAll(await starting.catch(() => []));
    throw e;
  }
  const adapters = await starting;
  try {
    if (flags.fuzz !== undefined) {
      const groups = folders.flatMap((folder) => loadSuiteGroups(folder, dialect, path.join(flags.suite, "remotes")));
      const corpus = flags.corpus === undefined ? undefined : new CorpusWriter(flags.corpus);
      declareStopsCleanly();
      const options = {
        ...DEFAULT_CAMPAIGN_OPTIONS, runs: flags.fuzz, seed: chooseSeed(flags.seed, "suite"), formats, timeoutMs: flags.timeout, formatBlind: formatBlindOf(flags.timeout), onTarget: progressPrinter(process.stderr, { quiet: flags.quiet }),
        signal: stopSignal(), onTargetDone: corpus ? (target: Target, _s: unknown, findings: Finding[]) => corpus.save(target, findings) : undefined,
      };
      const result = await fuzzSuiteGroups(groups, adapters, options, defaultStages());
      if (stopRequested()) stopAllHarnesses();
      corpus?.printSummary();
      return await finishRun(result, reports, adapters);
    }
    const known = loadKnownFailures(flags.knownFailures ?? shippedKnownFailuresDir(), adapters.map((a) => a.name));
    const claimsDialect = (name: string) => adapters.find((a) => a.name === name)?.dialects.includes(DIALECT_URI[dialect]) ?? false;
    const collector = new ComplianceCollector(claimsDialect);
    const bowtie = bowtieReports.length > 0 ? new BowtieRecorder(DIALECT_URI[dialect], claimsDialect) : undefined;
    const onVerdicts = (group: readonly ReplayCase[], verdicts: ReadonlyMap<string, readonly Verdict[]>) => {
      collector.record(group.map((c) => suiteTestOf(c, dir)), verdicts);
      bowtie?.record(group[0]!.caseDescription ?? "", group[0]!.schema, group.map((c) => ({ description: suiteTestOf(c, dir).test, instance: c.data, valid: c.valid })), verdicts);
    };
    const replayed = await replayCases(cases, adapters, { formats, defaultDialect: dialect, remotes, command: "suite", formatBlind: formatBlindOf(flags.timeout), onVerdicts });
    const settled = settleOracleDepartures(replayed.report, adapters.map((a) => a.name));
    replayed.report.compliance = collector.table(dialect, adapters.map((a) => ({ name: a.name, ...(a.version ? { version: a.version } : {}) })), known);
    const status = await finishRun(replayed, reports, adapters);
    for (const spec of bowtieReports) await writeFileAtomic(spec.path, bowtie!.render(replayed.report));
    // The oracle judged only groups where an adapter departs from the suite (run/replay.ts), so this counts ajv's departures there, not all of them.
    if (settled > 0) process.stderr.write(`conform: on ${settled} test(s) the oracle (ajv) departs from the suite and every adapter agrees with the suite: ajv's known departures (test/oracle/known-departures.json), not findings\n`);
    return complianceStatus(status, replayed.report.compliance);
  } finally {
    await closeAll(adapters);
  }
}

/** A replayed suite test as the compliance table files it: its file relative to the dialect's folder. */
function suiteTestOf(c: ReplayCase, dialectDir: string): SuiteTest {
  return { file: path.relative(dialectDir, c.origin.file).split(path.sep).join("/"), group: c.caseDescription ?? "", test: c.description.slice((c.caseDescription ?? "").length + 3), valid: c.valid };
}

/**
 * The exit status of `conform suite` against the known-failures lists: 1 when an adapter failed
 * or errored on a test its list does not name, 4 when an adapter ran no test at all (it skipped
 * or could not compile everything: it must not look clean), else 0; interruptions, bad input
 * and internal errors keep their status. Stale entries (listed, now passing) are printed, not fatal.
 */
function complianceStatus(status: number, table: ComplianceTable): number {
  const unexpected = unexpectedFailures(table);
  for (const a of table.adapters) if (a.stale.length > 0) process.stderr.write(`conform: ${a.adapter}: ${a.stale.length} known-failures entr${a.stale.length === 1 ? "y passes" : "ies pass"} now; remove ${a.stale.length === 1 ? "it" : "them"} from its list\n`);
  const idle = adaptersThatRanNothing(table);
  for (const a of idle) process.stderr.write(`conform: ${a.adapter} ran none of the ${totalOf(a.counts)} tests (${a.counts.errored} errored, ${a.counts.skipped} skipped)\n`);
  if (status !== EXIT.nothingFound && status !== EXIT.found && status !== EXIT.notAllTested) return status;
  if (unexpected.length > 0) {
    process.stderr.write(`conform: ${unexpected.length} test(s) failed or errored that no known-failures list names\n`);
    return EXIT.found;
  }
  return idle.length > 0 || status === EXIT.notAllTested ? EXIT.notAllTested : EXIT.nothingFound;
}

/** The suite files of one folder (its *.json, sorted; subfolders are separate choices). */
function suiteFilesIn(folder: string): string[] {
  return fs.readdirSync(folder).filter((n) => n.endsWith(".json")).sort().map((n) => path.join(folder, n));
}
