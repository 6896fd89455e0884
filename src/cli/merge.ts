import fs from "node:fs";
import { Command } from "commander";
import { mergeReports, ReportsDisagree } from "../run/merge-reports.js";
import type { RunReport } from "../model/report.js";
import { InputError, UsageError } from "../schema/errors.js";
import { assertReportsWritable } from "./preflight.js";
import { finishRun, parseReports, reportOption } from "./common.js";

interface MergeFlags {
  report: string[];
}

export function mergeCommand(): Command {
  return new Command("merge")
    .description("join the JSON reports of the shards of one run (`conform fuzz --shard i/n`) into one report, with the exit status of one run")
    .argument("<report.json...>", "JSON reports of the shards (--report json:PATH of each)")
    .addOption(reportOption())
    .action(async (files: string[], flags: MergeFlags) => {
      process.exitCode = await merge(files, flags);
    });
}

async function merge(files: string[], flags: MergeFlags): Promise<number> {
  const reports = parseReports(flags.report);
  assertReportsWritable(reports);
  let merged: RunReport;
  try {
    merged = mergeReports(files.map(readReport));
  } catch (e) {
    if (e instanceof ReportsDisagree) throw new UsageError(`conform merge: ${e.message}`);
    throw e;
  }
  return finishRun({ report: merged, inputErrors: [] }, reports);
}

/** A JSON report of schema-conform, or one line naming the file and what is wrong. */
export function readReport(file: string): RunReport {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError(file, "", `not a readable JSON report: ${(e as Error).message.split("\n")[0]}`);
  }
  const r = value as Partial<RunReport> | null;
  if (!r || r.tool?.name !== "schema-conform" || !Array.isArray(r.targets) || !Array.isArray(r.findings) || !Array.isArray(r.adapters) || !r.totals) {
    throw new InputError(file, "", "not a schema-conform JSON report (--report json:PATH of conform fuzz, replay or suite)");
  }
  return r as RunReport;
}
