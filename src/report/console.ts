import { complianceConsoleLines } from "./compliance-text.js";
import type { Finding } from "../model/finding.js";
import type { RunReport, TargetSummary } from "../model/report.js";
import { findingsOfTarget, groupFindings, kindCounts } from "./group.js";
import {
  breakDescription,
  formatDuration,
  formatPercent,
  instanceText,
  probeLine,
  replayLine,
  targetLabel,
  verdictLine,
  witnessLine,
} from "./labels.js";
import { escapeCodePoints, isTerminalSafe } from "./sanitize.js";

export interface ConsoleOptions {
  /** ANSI colours; decide with `useColor`. */
  color: boolean;
  /** Instances longer than this are cut (the JSON report keeps them whole). */
  maxInstanceChars?: number;
}

/** Colours only on a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true;
}

type Style = (text: string) => string;
interface Styles {
  bold: Style;
  dim: Style;
  red: Style;
  yellow: Style;
  green: Style;
}

function styles(color: boolean): Styles {
  const sgr = (code: number): Style => (color ? (text) => `\x1b[${code}m${text}\x1b[0m` : (text) => text);
  return { bold: sgr(1), dim: sgr(2), red: sgr(31), yellow: sgr(33), green: sgr(32) };
}

/** A terminal summary: header, one line per target, findings by adapter and kind, totals. */
export function renderConsole(report: RunReport, options: ConsoleOptions): string {
  const s = styles(options.color);
  const maxInstance = options.maxInstanceChars ?? 200;
  const lines = [
    ...headerLines(report, s),
    "",
    s.bold("Targets"),
    ...report.targets.map((t) => targetLine(t, report.findings, s)),
    "",
    ...findingLines(report, s, maxInstance),
    ...(report.compliance ? complianceConsoleLines(report.compliance) : []),
    totalsLine(report, s),
  ];
  return lines.join("\n") + "\n";
}

/** Anything from outside (file names, messages, instances) goes through here before printing. */
function safe(text: string): string {
  return escapeCodePoints(text, isTerminalSafe);
}

function headerLines(report: RunReport, s: Styles): string[] {
  const adapters = report.adapters.map((a) => {
    const name = a.version === undefined ? a.name : `${a.name} ${a.version}`;
    return `${safe(name)} (${a.checked} checked, ${a.skipped} skipped)`;
  });
  return [
    s.bold(`schema-conform ${report.command}`) +
      ` · seed ${report.seed} · ${report.runs} runs · format ${safe(report.formatPolicy)} · ${safe(report.startedAt)}`,
    `Adapters: ${adapters.length === 0 ? "none" : adapters.join(", ")}`,
  ];
}

function targetLine(target: TargetSummary, findings: Finding[], s: Styles): string {
  const label = targetLabel(target.target);
  const count = findingsOfTarget(findings, label).length;
  // Pad before colouring: escape codes would count towards the width.
  const statusText = target.status.padEnd("unsatisfiable".length);
  const status = target.status === "ok" ? s.green(statusText) : s.yellow(statusText);
  const cells = [
    `valid ${target.payloads.valid}`,
    `invalid ${target.payloads.invalid}`,
    target.coverage === undefined ? "coverage n/a" : `coverage ${formatPercent(target.coverage.ratio)}`,
    formatDuration(target.timeMs),
    count === 0 ? "no findings" : s.red(`${count} finding${count === 1 ? "" : "s"}`),
  ];
  const message = target.message === undefined ? "" : s.dim(` (${safe(target.message)})`);
  const skips = (target.skippedBy ?? []).map((k) => s.dim(`      skipped by ${safe(k.adapter)}: ${safe(cut(k.reason, 160))}`));
  return [`  ${status} ${safe(label)}  ${cells.join(" · ")}${message}`, ...skips].join("\n");
}

function findingLines(report: RunReport, s: Styles, maxInstance: number): string[] {
  const groups = groupFindings(report);
  if (groups.length === 0) return [s.green("No findings."), ""];
  const lines = [s.bold("Findings")];
  for (const group of groups) {
    lines.push(`  ${s.bold(safe(group.adapter))}`);
    for (const kind of group.kinds) {
      lines.push(`    ${s.red(kind.kind)} (${kind.findings.length})`);
      for (const finding of kind.findings) lines.push(...oneFinding(finding, s, maxInstance));
    }
  }
  lines.push("");
  return lines;
}

function oneFinding(finding: Finding, s: Styles, maxInstance: number): string[] {
  const broken = breakDescription(finding);
  const lines = [`      ${safe(targetLabel(finding.target))}${broken === "" ? "" : "  " + safe(broken)}`];
  lines.push(`        instance: ${safe(cut(instanceText(finding), maxInstance))}`);
  lines.push(s.dim(`        ${safe(verdictLine(finding))} · ${safe(replayLine(finding))}`));
  if (finding.probes !== undefined) lines.push(s.dim(`        ${safe(probeLine(finding))}`));
  if (finding.witnesses !== undefined) lines.push(s.dim(`        witnesses: ${safe(witnessLine(finding))}`));
  if (finding.message !== undefined) lines.push(`        message: ${safe(cut(finding.message, maxInstance))}`);
  return lines;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}

function totalsLine(report: RunReport, s: Styles): string {
  const t = report.totals;
  const summary = `Totals: ${t.targets} targets · ${t.payloads} payloads · ${t.findings} findings (${kindCounts(report.findings)}) · ${formatDuration(t.timeMs)}`;
  return t.findings === 0 ? s.green(summary) : s.red(summary);
}
