import { Command } from "commander";
import type { Finding } from "../model/finding.js";
import type { OutcomeCounts } from "../model/compliance.js";
import { diffReports, isRegression, type ReportDiff } from "../report/compliance-diff.js";
import { countsText } from "../report/compliance-text.js";
import { escapeCodePoints, isTerminalSafe } from "../report/sanitize.js";
import { EXIT } from "./exit.js";
import { readReport } from "./merge.js";

interface DiffFlags {
  json?: boolean;
}

export function diffCommand(): Command {
  return new Command("diff")
    .description("what changed between two JSON reports: new, fixed and unchanged findings, and each adapter's compliance (conform suite) test by test; exit 1 when there are new findings or compliance regressions")
    .argument("<old.json>", "the earlier run's --report json:PATH")
    .argument("<new.json>", "the later run's")
    .option("--json", "print the differences as JSON instead of text")
    .action((oldFile: string, newFile: string, flags: DiffFlags) => {
      const diff = diffReports(readReport(oldFile), readReport(newFile));
      process.stdout.write(flags.json ? JSON.stringify(diff, null, 2) + "\n" : diffText(diff));
      process.exitCode = diffStatus(diff);
    });
}

/** 1 when the new run has findings the old did not, or a test an adapter passed now fails or errors; else 0. */
export function diffStatus(diff: ReportDiff): number {
  return diff.findings.added.length > 0 || diff.tests.some(isRegression) ? EXIT.found : EXIT.nothingFound;
}

const safe = (text: string): string => escapeCodePoints(text, isTerminalSafe);

function diffText(diff: ReportDiff): string {
  const { added, fixed, unchanged } = diff.findings;
  const lines = [`Findings: ${added.length} new, ${fixed.length} fixed, ${unchanged.length} unchanged`];
  for (const f of added) lines.push(`  new:   ${findingLine(f)}`);
  for (const f of fixed) lines.push(`  fixed: ${findingLine(f)}`);
  if (diff.adapters.length > 0) lines.push("", "Compliance:");
  for (const a of diff.adapters) lines.push(`  ${safe(a.adapter)} ${a.dialect}${versionsText(a.versions)}: ${countsOrNone(a.before)} → ${countsOrNone(a.after)}`);
  const regressions = diff.tests.filter(isRegression).length;
  if (diff.tests.length > 0) lines.push("", `Tests whose outcome changed: ${diff.tests.length} (${regressions} regression(s))`);
  for (const t of diff.tests) lines.push(`  ${isRegression(t) ? "REGRESSED" : "changed  "} ${safe(t.adapter)}: ${safe(`${t.file} / ${t.group} / ${t.test}`)}: ${t.before} → ${t.after}`);
  return lines.join("\n") + "\n";
}

function findingLine(f: Finding): string {
  const where = f.target.pointer === "" ? f.target.file : `${f.target.file}#${f.target.pointer}`;
  return safe(`${f.adapter} ${f.kind} ${where}${f.keyword ? ` (${f.keyword})` : ""}: ${JSON.stringify(f.instance)?.slice(0, 120)}`);
}

function versionsText([before, after]: [string?, string?]): string {
  return before === after ? (after ? ` ${after}` : "") : ` ${before ?? "?"} → ${after ?? "?"}`;
}

function countsOrNone(counts: OutcomeCounts | undefined): string {
  return counts ? countsText(counts) : "not run";
}
