import type { AdapterCompliance, ComplianceTable, OutcomeCounts, UnsuccessfulTest } from "../model/compliance.js";
import { totalOf } from "./compliance.js";
import { escapeMarkdown } from "./md.js";
import { escapeCodePoints, isTerminalSafe } from "./sanitize.js";

/** Unlisted unsuccessful tests printed per adapter on the console (the reports hold them all). */
const CONSOLE_TESTS_PER_ADAPTER = 20;

const safe = (text: string): string => escapeCodePoints(text, isTerminalSafe);

export function adapterTitle(a: AdapterCompliance): string {
  return a.version === undefined ? a.adapter : `${a.adapter} ${a.version}`;
}

/** "1,203 passed, 4 failed (3 known), 0 errored, 0 skipped of 1,207". */
export function countsText(counts: OutcomeCounts, knownCount?: number): string {
  const known = knownCount ? ` (${knownCount} known)` : "";
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.errored} errored${known}, ${counts.skipped} skipped of ${totalOf(counts)}`;
}

export function knownCount(a: AdapterCompliance): number {
  return a.unsuccessful.filter((u) => u.known !== undefined).length;
}

export function testLabel(u: UnsuccessfulTest): string {
  return `${u.file} / ${u.group} / ${u.test}`;
}

/** The console block: one line per adapter, its unlisted failures and its stale known-failures entries. */
export function complianceConsoleLines(table: ComplianceTable): string[] {
  const lines = [`Compliance (${table.dialect})`];
  for (const a of table.adapters) {
    lines.push(`  ${safe(adapterTitle(a))}: ${countsText(a.counts, knownCount(a))}`);
    const unlisted = a.unsuccessful.filter((u) => u.known === undefined && u.outcome !== "skipped");
    for (const u of unlisted.slice(0, CONSOLE_TESTS_PER_ADAPTER)) lines.push(`    ${u.outcome}: ${safe(testLabel(u))}${u.message ? ` (${safe(u.message.slice(0, 160))})` : ""}`);
    if (unlisted.length > CONSOLE_TESTS_PER_ADAPTER) lines.push(`    … ${unlisted.length - CONSOLE_TESTS_PER_ADAPTER} more in the reports`);
    for (const k of a.stale) lines.push(`    stale known failure (now passes): ${safe(`${k.file} / ${k.group}${k.test === undefined ? "" : ` / ${k.test}`}`)}`);
  }
  return [...lines, ""];
}

/** Every suite file any adapter ran, sorted. */
export function complianceFiles(table: ComplianceTable): string[] {
  return [...new Set(table.adapters.flatMap((a) => a.files.map((f) => f.file)))].sort();
}

/** "passed/total", or "–" when the adapter ran nothing of the file. */
export function cellText(counts: OutcomeCounts | undefined): string {
  return counts === undefined ? "–" : `${counts.passed}/${totalOf(counts)}`;
}

/** The Markdown section: totals per adapter, the per-file matrix (files where someone did not pass everything), then each unsuccessful test. */
export function complianceMarkdown(table: ComplianceTable): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const head = `| adapter | passed | failed | errored | skipped | known |\n|---|---:|---:|---:|---:|---:|`;
  const totals = table.adapters.map((a) => `| ${cell(escapeMarkdown(adapterTitle(a)))} | ${a.counts.passed} | ${a.counts.failed} | ${a.counts.errored} | ${a.counts.skipped} | ${knownCount(a)} |`);
  const files = complianceFiles(table).filter((f) => table.adapters.some((a) => { const c = a.files.find((x) => x.file === f)?.counts; return c !== undefined && c.passed < totalOf(c); }));
  const matrixHead = `| file | ${table.adapters.map((a) => cell(escapeMarkdown(a.adapter))).join(" | ")} |\n|---|${table.adapters.map(() => "---:").join("|")}|`;
  const matrix = files.map((f) => `| ${cell(escapeMarkdown(f))} | ${table.adapters.map((a) => cellText(a.files.find((x) => x.file === f)?.counts)).join(" | ")} |`);
  const details = table.adapters.filter((a) => a.unsuccessful.length > 0).map((a) => [
    `### ${escapeMarkdown(adapterTitle(a))}`,
    ...a.unsuccessful.map((u) => `- **${u.outcome}**${u.known ? " (known)" : ""}: ${escapeMarkdown(testLabel(u))}${u.known ? ` — ${escapeMarkdown(u.known)}` : u.message ? ` — ${escapeMarkdown(u.message.slice(0, 300))}` : ""}`),
  ].join("\n"));
  return [`## Compliance (${escapeMarkdown(table.dialect)})`, [head, ...totals].join("\n"), files.length > 0 ? [matrixHead, ...matrix].join("\n") : "Every adapter passed every file it ran.", ...details].join("\n\n");
}
