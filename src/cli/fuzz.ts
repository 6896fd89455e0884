import { Command } from "commander";
import { runCampaign, type CampaignResult } from "../run/campaign.js";
import { DEFAULT_CAMPAIGN_OPTIONS } from "../run/options.js";
import { defaultStages } from "../run/stages.js";
import { listTargets } from "../schema/targets.js";
import { setAsideBadTargets } from "../schema/bad-targets.js";
import { withLoadProblems } from "./load-problems.js";
import { CorpusWriter } from "./corpus-findings.js";
import { assertCreatableFolder, assertReportsWritable } from "./preflight.js";
import { declareStopsCleanly, stopRequested, stopSignal } from "./stop.js";
import { stopAllHarnesses } from "../adapters/subprocess/harness-process.js";
import type { Finding } from "../model/finding.js";
import type { Target } from "../schema/target.js";
import {
  adapterOption, chooseSeed, closeAll, createAdapters, formatBlindOf, defaultDialectOption, formatsOption, loadSchemas, parseFormats,
  parseInteger, parseReports, remotesOption, reportOption,
  finishRun,
} from "./common.js";
import { progressPrinter } from "./progress.js";

interface FuzzFlags {
  adapter: string[];
  definitions?: boolean;
  runs: number;
  seed?: number;
  timeout: number;
  report: string[];
  corpus?: string;
  remotes: string[];
  defaultDialect: string;
  formats: string;
}

export function fuzzCommand(): Command {
  return new Command("fuzz")
    .description("generate valid and invalid payloads for each schema, check them with ajv and every adapter, shrink and report disagreements")
    .argument("<schema-or-dir...>", "schema files, or folders searched recursively for *.json")
    .addOption(adapterOption())
    .option("--definitions", "make every entry of definitions/$defs of each file its own target (bundles)")
    .option("--runs <N>", "payloads per target (half valid, half invalid)", parseInteger("--runs", 1), DEFAULT_CAMPAIGN_OPTIONS.runs)
    .option("--seed <N>", "seed for a repeatable run (default: random, printed to stderr)", parseInteger("--seed", -(2 ** 31)))
    .option("--timeout <MS>", "time limit per adapter request, ms", parseInteger("--timeout", 1), 10_000)
    .addOption(reportOption())
    .option("--corpus <DIR>", "save each new shrunk counterexample to DIR (JSON-Schema-Test-Suite format)")
    .addOption(remotesOption())
    .addOption(defaultDialectOption())
    .addOption(formatsOption())
    .action(async (inputs: string[], flags: FuzzFlags) => {
      process.exitCode = await fuzz(inputs, flags);
    });
}

async function fuzz(inputs: string[], flags: FuzzFlags): Promise<number> {
  const reports = parseReports(flags.report);
  assertReportsWritable(reports);
  if (flags.corpus !== undefined) assertCreatableFolder(flags.corpus, `--corpus ${flags.corpus}`);
  const loaded = loadSchemas(inputs, flags);
  const { registry, documents } = loaded;
  const { targets, bad } = setAsideBadTargets(listTargets(documents, registry, { definitions: flags.definitions === true }), loaded.errors);
  const formats = parseFormats(flags.formats);
  const adapters = await createAdapters(flags.adapter, flags.timeout, formats);
  const corpus = flags.corpus === undefined ? undefined : new CorpusWriter(flags.corpus);
  declareStopsCleanly();
  let result: CampaignResult;
  try {
    const seed = chooseSeed(flags.seed, "fuzz");
    const options = {
      ...DEFAULT_CAMPAIGN_OPTIONS, runs: flags.runs, seed, formats, timeoutMs: flags.timeout, formatBlind: formatBlindOf(flags.timeout), onTarget: progressPrinter(process.stderr),
      signal: stopSignal(), onTargetDone: corpus ? (target: Target, _s: unknown, findings: Finding[]) => corpus.save(target, findings) : undefined,
    };
    result = await runCampaign(targets, registry, adapters, options, defaultStages());
  } finally {
    if (stopRequested()) stopAllHarnesses();
    await closeAll(adapters);
  }
  corpus?.printSummary();
  return finishRun(withLoadProblems(result, loaded, bad), reports, adapters);
}
