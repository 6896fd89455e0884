import { complianceMarkdown } from "./compliance-text.js";
import type { Finding } from "../model/finding.js";
import type { RunReport, TargetSummary } from "../model/report.js";
import { findingsOfTarget, groupByKind, groupFindings } from "./group.js";
import {
  KIND_MEANING,
  breakDescription,
  formatDuration,
  formatPercent,
  prettyJson,
  probeLine,
  replayLine,
  targetLabel,
  verdictLine,
  witnessLine,
} from "./labels.js";
import { escapeCodePoints, isTerminalSafe } from "./sanitize.js";

/** GitHub refuses a job summary over 1 MiB; the report stays under it with room to spare. */
export const MARKDOWN_LIMIT_BYTES = 1_000_000;

/**
 * A Markdown report (GitHub-flavoured: tables), for PR comments and job summaries. Sections
 * come in order of importance; past `limitBytes` the rest is cut at a line and a note says
 * so and where the whole report is (the JSON or HTML report of the same run).
 */
export function renderMarkdown(report: RunReport, limitBytes = MARKDOWN_LIMIT_BYTES): string {
  const sections = [
    summarySection(report),
    report.compliance ? complianceMarkdown(report.compliance) : "",
    adaptersSection(report),
    findingsSection(report),
    targetsSection(report),
    coverageSection(report),
  ];
  return withinLimit(sections.filter((s) => s !== "").join("\n\n") + "\n", limitBytes);
}

function withinLimit(text: string, limitBytes: number): string {
  if (Buffer.byteLength(text, "utf8") <= limitBytes) return text;
  const note = "\n\n> **Truncated** to fit GitHub's 1 MiB job-summary limit: the JSON or HTML report of this run has everything.\n";
  const budget = limitBytes - Buffer.byteLength(note, "utf8");
  let kept = "";
  let size = 0;
  for (const line of text.split("\n")) {
    const cost = Buffer.byteLength(line, "utf8") + 1;
    if (size + cost > budget) break;
    kept += line + "\n";
    size += cost;
  }
  return kept.trimEnd() + note;
}

/**
 * Inline text from outside (file names, messages): one line, controls made visible,
 * and a backslash before every character that could start markup or end a table cell.
 */
export function escapeMarkdown(text: string): string {
  return escapeCodePoints(text, isTerminalSafe).replace(/[\\`*_[\]<>|&~#]/g, (c) => "\\" + c);
}

/** A code span for text from outside: delimiters longer than any backtick run inside (escapes do not work in code spans). Not for table cells, where "|" would still split the cell. */
export function inlineCode(text: string): string {
  const body = escapeCodePoints(text, isTerminalSafe);
  if (body === "") return "(empty)";
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const delimiter = "`".repeat(longestRun + 1);
  const padding = body.startsWith("`") || body.endsWith("`") ? " " : "";
  return `${delimiter}${padding}${body}${padding}${delimiter}`;
}

/** A fenced block whose fence is longer than any backtick run inside, so nothing can close it early. */
export function codeBlock(content: string, language = ""): string {
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  const body = escapeCodePoints(content, (cp) => cp === 0x0a || isTerminalSafe(cp));
  return `${fence}${language}\n${body}\n${fence}`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function summarySection(report: RunReport): string {
  const t = report.totals;
  const facts = `Seed ${report.seed} · ${report.runs} runs · format policy ${escapeMarkdown(report.formatPolicy)} · started ${escapeMarkdown(report.startedAt)} · schema-conform ${escapeMarkdown(report.tool.version)}`;
  const totals = table(
    ["targets", "payloads", "findings", "time"],
    [[String(t.targets), String(t.payloads), String(t.findings), formatDuration(t.timeMs)]],
  );
  const kinds = groupByKind(report.findings).map((g) => [`\`${g.kind}\``, String(g.findings.length), escapeMarkdown(KIND_MEANING[g.kind])]);
  const byKind = kinds.length === 0 ? "No findings." : table(["kind", "findings", "meaning"], kinds);
  return [`# schema-conform ${report.command} report`, facts, totals, byKind].join("\n\n");
}

function adaptersSection(report: RunReport): string {
  if (report.adapters.length === 0) return "";
  const rows = report.adapters.map((a) => [
    escapeMarkdown(a.name),
    escapeMarkdown(a.version ?? ""),
    String(a.checked),
    String(a.skipped),
    String(report.findings.filter((f) => f.adapter === a.name).length),
  ]);
  return `## Adapters\n\n${table(["adapter", "version", "checked", "skipped", "findings"], rows)}`;
}

function targetsSection(report: RunReport): string {
  if (report.targets.length === 0) return "## Targets\n\nNo targets.";
  const rows = report.targets.map((t) => targetRow(t, report.findings));
  return `## Targets\n\n${table(["target", "status", "valid", "invalid", "coverage", "time", "findings"], rows)}`;
}

function targetRow(target: TargetSummary, findings: Finding[]): string[] {
  const label = targetLabel(target.target);
  const skips = (target.skippedBy ?? []).map((k) => `skipped by ${k.adapter}: ${k.reason}`);
  const status = [target.message === undefined ? target.status : `${target.status}: ${target.message}`, ...skips].join("; ");
  return [
    escapeMarkdown(label),
    escapeMarkdown(status),
    String(target.payloads.valid),
    String(target.payloads.invalid),
    target.coverage === undefined ? "n/a" : formatPercent(target.coverage.ratio),
    formatDuration(target.timeMs),
    String(findingsOfTarget(findings, label).length),
  ];
}

/** Only what a reader can act on: keywords no invalid payload broke, and branches never taken. */
function coverageSection(report: RunReport): string {
  const parts: string[] = [];
  for (const target of report.targets) {
    const coverage = target.coverage;
    if (coverage === undefined) continue;
    const gaps = [
      ...coverage.neverBroken.map((n) => `- ${inlineCode(n.keyword)} at ${escapeMarkdown(n.schemaPath || "(root)")} never broken: ${escapeMarkdown(n.reason)}`),
      ...coverage.branches
        .filter((b) => b.hit < b.total)
        .map((b) => `- ${escapeMarkdown(b.schemaPath || "(root)")}: ${b.hit} of ${b.total} branches hit`),
    ];
    if (gaps.length === 0) continue;
    parts.push(`### ${escapeMarkdown(targetLabel(target.target))}\n\n${gaps.join("\n")}`);
  }
  return parts.length === 0 ? "" : `## Coverage gaps\n\n${parts.join("\n\n")}`;
}

function findingsSection(report: RunReport): string {
  const groups = groupFindings(report);
  if (groups.length === 0) return "";
  const parts = ["## Findings"];
  for (const group of groups) {
    parts.push(`### ${escapeMarkdown(group.adapter)}`);
    for (const kind of group.kinds) {
      parts.push(`#### \`${kind.kind}\` (${kind.findings.length})`, ...kind.findings.map(findingBlock));
    }
  }
  return parts.join("\n\n");
}

function findingBlock(finding: Finding): string {
  const broken = breakDescription(finding);
  const facts = [verdictLine(finding), replayLine(finding)];
  if (finding.witnesses !== undefined) facts.push(`witnesses: ${witnessLine(finding)}`);
  if (finding.probes !== undefined) facts.push(probeLine(finding));
  const lines = [
    `**${escapeMarkdown(targetLabel(finding.target))}**${broken === "" ? "" : " — " + escapeMarkdown(broken)}`,
    escapeMarkdown(facts.join(" · ")),
    codeBlock(finding.text ?? prettyJson(finding.instance), "json"),
  ];
  if (finding.message !== undefined) lines.push(codeBlock(finding.message));
  return lines.join("\n\n");
}
