import { Command, Option } from "commander";
import { compareVersions, type BreakDirection, type CompatReport, type CompatTarget } from "../run/compat/index.js";
import { writeFileAtomic } from "../report/atomic-write.js";
import { UsageError } from "../schema/errors.js";
import { defaultDialectOption, formatsOption, parseDialect, parseFormats, parseInteger, parseRemotes, remotesOption } from "./common.js";

interface CompatFlags {
  definitions?: boolean;
  runs: number;
  seed?: number;
  forbid: "readers" | "writers" | "both" | "none";
  report?: string;
  remotes: string[];
  defaultDialect: string;
  formats: string;
}

export function compatCommand(): Command {
  return new Command("compat")
    .description("compare two versions of a schema: payloads one accepts and the other rejects, both ways, shrunk, with the schema change behind each")
    .argument("<old>", "the schema as readers know it today")
    .argument("<new>", "the schema as writers will send it")
    .option("--definitions", "compare every entry of definitions/$defs (matched by pointer), not only the roots")
    .option("--runs <N>", "valid payloads drawn per version and target", parseInteger("--runs", 1), 200)
    .option("--seed <N>", "seed for a repeatable run (default: random, printed)", parseInteger("--seed", -(2 ** 31)))
    .addOption(new Option("--forbid <which>", "breaks that fail the run (exit 1): readers (new accepts what old rejects), writers (the reverse), both, none").choices(["readers", "writers", "both", "none"]).default("both"))
    .option("--report <json:PATH>", "also write the comparison as JSON")
    .addOption(remotesOption())
    .addOption(defaultDialectOption())
    .addOption(formatsOption())
    .action(async (oldFile: string, newFile: string, flags: CompatFlags) => {
      process.exitCode = await compat(oldFile, newFile, flags);
    });
}

async function compat(oldFile: string, newFile: string, flags: CompatFlags): Promise<number> {
  const reportPath = flags.report === undefined ? undefined : jsonPath(flags.report);
  const report = await compareVersions({
    old: oldFile, new: newFile, definitions: flags.definitions === true, runs: flags.runs, seed: flags.seed,
    defaultDialect: parseDialect(flags.defaultDialect), formats: parseFormats(flags.formats), remotes: parseRemotes(flags.remotes),
  });
  process.stdout.write(renderCompat(report));
  if (reportPath) await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + "\n");
  const forbidden: BreakDirection[] = flags.forbid === "both" ? ["readers", "writers"] : flags.forbid === "none" ? [] : [flags.forbid];
  return report.targets.some((t) => t.witnesses.some((w) => forbidden.includes(w.direction))) ? 1 : 0;
}

function jsonPath(spec: string): string {
  if (!spec.startsWith("json:") || spec.length <= 5) throw new UsageError(`--report ${spec}: expected json:PATH`);
  return spec.slice(5);
}

const MEANING: Record<BreakDirection, string> = {
  readers: "readers break: the new version accepts what the old rejects (old readers fail on new writers' messages)",
  writers: "writers break: the old version accepts what the new rejects (new readers fail on old writers' messages)",
};

/** The comparison as text: each target, each direction, its witness and the change behind it, or how much was sampled. */
export function renderCompat(report: CompatReport): string {
  const lines = [`schema-conform compat · seed ${report.seed} · ${report.runs} payloads per version and target`, `old: ${report.old}`, `new: ${report.new}`, ""];
  for (const t of report.targets) lines.push(...renderTarget(t));
  for (const side of ["old", "new"] as const) if (report.onlyIn[side].length > 0) lines.push(`only in the ${side} version: ${report.onlyIn[side].join(", ")}`);
  const found = report.targets.flatMap((t) => t.witnesses);
  lines.push("", `${found.filter((w) => w.direction === "readers").length} readers break(s), ${found.filter((w) => w.direction === "writers").length} writers break(s) over ${report.targets.length} target(s)`);
  return lines.join("\n") + "\n";
}

function renderTarget(t: CompatTarget): string[] {
  const out = [`${t.pointer || "/"}`];
  for (const direction of ["readers", "writers"] as const) {
    const w = t.witnesses.find((x) => x.direction === direction);
    const drawn = direction === "readers" ? t.drawn.new : t.drawn.old;
    if (!w) {
      out.push(`  ${direction}: no difference found in ${drawn} payloads of the ${direction === "readers" ? "new" : "old"} version (sampled, not proven)`);
      continue;
    }
    out.push(`  ${MEANING[direction]}`, `    witness: ${JSON.stringify(w.instance)}`);
    out.push(`    rejected by the ${direction === "readers" ? "old" : "new"} version at: ${w.rejectedBy.map((r) => `${r.keyword} ${r.schemaPath || "/"}`).join(", ")}`);
    if (w.changes.length === 0) out.push("    change: none on the failing path (the difference lies in what a keyword means there)");
    for (const c of w.changes) out.push(`    change: ${c.change} ${c.pointer}${c.new !== undefined ? ` ${brief(c.new)}` : ""}${c.change === "changed" ? ` (was ${brief(c.old)})` : ""}`);
  }
  for (const n of t.notes) out.push(`  note: ${n}`);
  return out;
}

function brief(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 120 ? s.slice(0, 117) + "…" : s;
}
