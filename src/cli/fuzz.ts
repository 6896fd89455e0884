import type { ProbeMode } from "../model/probe.js";
import { Command } from "commander";
import { DEFAULT_CAMPAIGN_OPTIONS } from "../run/options.js";
import { runFuzz } from "../run/fuzz.js";
import { parseShard, type Shard } from "../run/shard.js";
import { UsageError } from "../schema/errors.js";
import { assertCreatableFolder, assertReportsWritable } from "./preflight.js";
import { declareStopsCleanly, stopSignal } from "./stop.js";
import {
  adapterOption, collect, defaultDialectOption, formatModuleOption, formatsOption, keywordOption, probesOption, parseDialect, parseFormats, parseInteger, parseRemotes, parseReports, printChosenSeed, printWarnings,
  remotesOption, reportOption, finishRun, serviceOptionsOf,
} from "./common.js";
import { progressPrinter } from "./progress.js";
import type { ServiceFlags } from "../adapters/service/options.js";
import { parseDuration } from "./duration.js";
import { timeSummaryLine } from "./time-summary.js";
import { fillOption, sizeOption } from "./payload-size.js";
import type { PayloadSize } from "../generate/valid/options.js";
import { fuzzRandomSchemas, type RandomSchemaFlags } from "./random-schemas.js";

interface FuzzFlags extends ServiceFlags {
  adapter: string[];
  definitions?: boolean;
  runs?: number;
  duration?: number;
  seed?: number;
  timeout: number;
  report: string[];
  corpus?: string;
  remotes: string[];
  defaultDialect: string;
  formats: string;
  probes: ProbeMode;
  keyword: string[];
  format: string[];
  shard?: string;
  size?: PayloadSize;
  jobs?: number;
  fill?: number;
  quiet?: boolean;
  randomSchemas?: number | true;
  dialect: string[];
  out?: string;
}

export function fuzzCommand(): Command {
  return new Command("fuzz")
    .description("generate valid and invalid payloads for each schema, check them with ajv and every adapter, shrink and report disagreements")
    .argument("[schema-or-dir...]", "schema files, or folders searched recursively for *.json (none with --random-schemas)")
    .addOption(adapterOption())
    .option("--definitions", "make every entry of definitions/$defs of each file its own target (bundles)")
    .option("--runs <N>", `payloads per target (half valid, half invalid; default ${DEFAULT_CAMPAIGN_OPTIONS.runs}, none with --duration alone)`, parseInteger("--runs", 1))
    .option("--duration <TIME>", "run until TIME is spent (90s, 5m, 1h), shared among targets by keywords, uncovered branches and fresh findings; with --runs, whichever ends first", (v: string) => parseDuration(v))
    .option("--seed <N>", "seed for a repeatable run (default: random, printed to stderr)", parseInteger("--seed", -(2 ** 31)))
    .option("--timeout <MS>", "time limit per adapter request, ms", parseInteger("--timeout", 1), 10_000)
    .addOption(reportOption())
    .option("--corpus <DIR>", "save each new shrunk counterexample to DIR (JSON-Schema-Test-Suite format)")
    .addOption(remotesOption())
    .addOption(defaultDialectOption())
    .addOption(formatsOption())
    .addOption(probesOption())
    .option("--shard <i/n>", "run only share i of n of the targets, balanced by expected cost (a CI matrix; `conform merge` joins the reports)")
    .option("--jobs <N>", "worker threads the targets are spread over (default: the number of cores); the same seed gives the same findings whatever N is", parseInteger("--jobs", 1))
    .addOption(sizeOption())
    .addOption(fillOption())
    .addOption(keywordOption())
    .addOption(formatModuleOption())
    .option("--quiet", "no progress lines on stderr (the summary, warnings and errors still print)")
    .option("--random-schemas [N]", "fuzz validators with N random schemas (default 200) instead of given ones", parseInteger("--random-schemas", 1))
    .option("--dialect <D>", "with --random-schemas: a dialect to generate, repeatable (default: all)", collect, [])
    .option("--out <DIR>", "with --random-schemas: write each distinct bug as JSON-Schema-Test-Suite files, bugs.json and bugs.md")
    .action(async (inputs: string[], flags: FuzzFlags) => {
      if (flags.randomSchemas !== undefined) process.exitCode = await fuzzRandomSchemas(inputs, flags as RandomSchemaFlags);
      else if (inputs.length === 0) throw new UsageError("fuzz: give schema files or folders (or --random-schemas)");
      else process.exitCode = await fuzz(inputs, flags);
    });
}

/** `conform fuzz`: the library's campaign (run/fuzz.ts) with the flags as its options; prints, writes the reports, returns the exit status. */
async function fuzz(inputs: string[], flags: FuzzFlags): Promise<number> {
  const reports = parseReports(flags.report);
  assertReportsWritable(reports);
  if (flags.corpus !== undefined) assertCreatableFolder(flags.corpus, `--corpus ${flags.corpus}`);
  const options = {
    schemas: inputs, adapters: flags.adapter, definitions: flags.definitions === true, runs: flags.runs ?? (flags.duration === undefined ? DEFAULT_CAMPAIGN_OPTIONS.runs : undefined), budgetMs: flags.duration, seed: flags.seed, formats: parseFormats(flags.formats),
    defaultDialect: parseDialect(flags.defaultDialect), remotes: parseRemotes(flags.remotes), timeoutMs: flags.timeout, corpus: flags.corpus, signal: stopSignal(),
    keywords: flags.keyword, formatModules: flags.format, shard: shardOf(flags.shard), services: serviceOptionsOf(flags), probes: flags.probes,
    size: flags.size, fill: flags.fill, jobs: flags.jobs,
  };
  const outcome = await runFuzz(options, {
    onWarnings: printWarnings,
    onCampaignStart: (seed) => {
      declareStopsCleanly();
      if (flags.seed === undefined) printChosenSeed(seed, "fuzz");
    },
    onTarget: progressPrinter(process.stderr, { budgetMs: flags.duration, quiet: flags.quiet }),
  });
  if (flags.duration !== undefined && outcome.time) process.stderr.write(timeSummaryLine(outcome.report, outcome.time) + "\n");
  if (outcome.corpusSaved !== undefined) process.stderr.write(`corpus: ${outcome.corpusSaved} new counterexample(s) saved to ${flags.corpus}\n`);
  return finishRun(outcome, reports, outcome.adapters);
}

function shardOf(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const shard = parseShard(text);
  if (!shard) throw new UsageError(`--shard ${text}: expected i/n with 1 <= i <= n, e.g. 2/4`);
  return shard;
}
