import { Command } from "commander";
import type { Adapter } from "../adapters/adapter.js";
import { isStartableSpec } from "../adapters/spec.js";
import { loadCorpusReplayCases, type ReplayCase } from "../corpus/index.js";
import { ORACLE_NAME } from "../run/judge.js";
import { replayCases } from "../run/replay.js";
import {
  adapterOption, closeAll, createAdapters, defaultDialectOption, formatsOption, parseDialect, parseFormats, parseInteger,
  parseReports, remotesOption, reportOption,
  finishRun, formatBlindOf, remoteDocuments,
} from "./common.js";
import { parseServiceFlags, type ServiceFlags } from "../adapters/service/options.js";
import { assertFolderExists, assertReportsWritable } from "./preflight.js";

interface ReplayFlags extends ServiceFlags {
  corpus: string;
  adapter: string[];
  timeout: number;
  report: string[];
  remotes: string[];
  defaultDialect: string;
  formats: string;
}

export function replayCommand(): Command {
  return new Command("replay")
    .description("re-run every saved counterexample against the adapters (by default, the adapter that failed it); exit 1 while any still fails")
    .option("--corpus <DIR>", "corpus folder", "corpus")
    .addOption(adapterOption())
    .option("--timeout <MS>", "time limit per adapter request, ms", parseInteger("--timeout", 1), 10_000)
    .addOption(reportOption())
    .addOption(remotesOption())
    .addOption(defaultDialectOption())
    .addOption(formatsOption())
    .action(async (flags: ReplayFlags) => {
      process.exitCode = await replay(flags);
    });
}

async function replay(flags: ReplayFlags): Promise<number> {
  const reports = parseReports(flags.report);
  assertReportsWritable(reports);
  assertFolderExists(flags.corpus, "--corpus");
  const cases = await loadCorpusReplayCases(flags.corpus);
  const formats = parseFormats(flags.formats);
  const named = flags.adapter.length > 0 ? flags.adapter : adaptersThatFound(cases);
  const services = parseServiceFlags(flags, named);
  const adapters = named.length > 0 ? await createAdapters(named, flags.timeout, formats, services) : [];
  try {
    const remotes = remoteDocuments(flags.remotes, parseDialect(flags.defaultDialect));
    const byName = (c: { found?: { adapter: string } }, all: Adapter[]) => (flags.adapter.length > 0 ? all : all.filter((a) => a.name === c.found?.adapter));
    const result = await replayCases(cases, adapters, { formats, defaultDialect: parseDialect(flags.defaultDialect), remotes, adaptersFor: byName, command: "replay", formatBlind: formatBlindOf(flags.timeout) });
    process.stdout.write(`replay: ${cases.length} case(s) from ${flags.corpus}\n`);
    return await finishRun(result, reports, adapters);
  } finally {
    await closeAll(adapters);
  }
}

/**
 * The adapters that found the cases, by the spec they were run with: built-in names and
 * exec:/module:/http:/jsonrpc: specs start again as they were (exec: names hold spaces). The oracle is no
 * adapter; a module adapter's own name cannot be started again, so its cases are named on
 * stderr with the flag that replays them.
 */
function adaptersThatFound(cases: ReplayCase[]): string[] {
  const found = [...new Set(cases.map((c) => c.found?.adapter).filter((a): a is string => !!a && a !== ORACLE_NAME))];
  const startable = found.filter(isStartableSpec);
  for (const name of found.filter((a) => !startable.includes(a))) {
    const n = cases.filter((c) => c.found?.adapter === name).length;
    process.stderr.write(`conform: ${n} case(s) found by adapter "${name}" are not replayed: name it with --adapter module:PATH (or the spec it was run with)\n`);
  }
  return startable;
}
