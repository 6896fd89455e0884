/**
 * `conform fuzz --random-schemas [N]`: the flags as run/random/run.ts's options; prints the
 * distinct bugs, writes the campaign's reports (--report) and, with --out, the bugs as
 * suite files plus bugs.json and bugs.md. Exit 1 when a confirmed bug was found.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DIALECTS } from "../schema/dialect.js";
import { UsageError } from "../schema/errors.js";
import { runRandomSchemas } from "../run/random/run.js";
import { bugsConsole, bugsJson, bugsMarkdown } from "../report/bugs.js";
import { EXIT } from "./exit.js";
import { chooseSeed, finishRun, parseDialect, parseFormats, parseReports } from "./common.js";
import { assertCreatableFolder, assertReportsWritable } from "./preflight.js";
import { progressPrinter } from "./progress.js";
import { declareStopsCleanly, stopSignal } from "./stop.js";

export const DEFAULT_RANDOM_SCHEMAS = 200;

export interface RandomSchemaFlags {
  randomSchemas: number | true;
  dialect: string[];
  adapter: string[];
  runs: number;
  seed?: number;
  timeout: number;
  report: string[];
  corpus?: string;
  out?: string;
  formats: string;
  /** `--duration`, ms: the run stops when it is spent, with what it found. */
  duration?: number;
  /** `--quiet`: no progress lines. */
  quiet?: boolean;
}

export async function fuzzRandomSchemas(inputs: string[], flags: RandomSchemaFlags): Promise<number> {
  if (inputs.length > 0) throw new UsageError("--random-schemas makes its own schemas: give no schema files");
  const reports = parseReports(flags.report);
  assertReportsWritable(reports);
  for (const [dir, what] of [[flags.out, "--out"], [flags.corpus, "--corpus"]] as const) if (dir !== undefined) assertCreatableFolder(dir, `${what} ${dir}`);
  const dialects = flags.dialect.length > 0 ? flags.dialect.map(parseDialect) : [...DIALECTS];
  const seed = chooseSeed(flags.seed, "fuzz --random-schemas");
  const count = flags.randomSchemas === true ? DEFAULT_RANDOM_SCHEMAS : flags.randomSchemas;
  declareStopsCleanly();
  const started = performance.now();
  const outcome = await runRandomSchemas({
    count: Math.ceil(count / dialects.length), dialects, adapters: flags.adapter, runs: flags.runs, seed, formats: parseFormats(flags.formats), timeoutMs: flags.timeout,
    out: flags.out, corpus: flags.corpus, signal: stopSignal(), onTarget: progressPrinter(process.stderr, { budgetMs: flags.duration, quiet: flags.quiet }), budgetMs: flags.duration,
  });
  const figures = { seed, generated: outcome.generated, fuzzed: outcome.report.targets.length, dropped: outcome.dropped, setAside: outcome.setAside, timeMs: performance.now() - started };
  const code = await finishRun(outcome, reports, outcome.adapters);
  process.stdout.write(`random schemas: ${figures.generated} generated, ${figures.fuzzed} fuzzed, dropped ${JSON.stringify(figures.dropped)}\n${outcome.groups.length} distinct bug(s):\n${bugsConsole(outcome.groups)}`);
  if (flags.out !== undefined) {
    await mkdir(flags.out, { recursive: true });
    await writeFile(join(flags.out, "bugs.json"), JSON.stringify(bugsJson(outcome.groups, figures), null, 2) + "\n");
    await writeFile(join(flags.out, "bugs.md"), bugsMarkdown(outcome.groups, figures));
    process.stderr.write(`random schemas: ${outcome.suiteFiles.length} suite file(s), bugs.json and bugs.md written to ${flags.out}\n`);
  }
  if (outcome.corpusSaved > 0) process.stderr.write(`corpus: ${outcome.corpusSaved} new counterexample(s) saved to ${flags.corpus}\n`);
  if (code !== EXIT.found && code !== EXIT.notAllTested) return code;
  return outcome.groups.some((g) => g.standing === "confirmed") ? EXIT.found : EXIT.nothingFound;
}
