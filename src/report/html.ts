import { FAULT_KINDS, type Finding } from "../model/finding.js";
import type { Coverage } from "../model/coverage.js";
import type { RunReport, TargetSummary } from "../model/report.js";
import { findingsOfTarget, groupByKind, groupFindings } from "./group.js";
import { HTML_STYLE } from "./html-style.js";
import { complianceHtml } from "./compliance-html.js";
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
import { escapeCodePoints, isHtmlSafe } from "./sanitize.js";

/**
 * One self-contained HTML file: inline stylesheet, no script, no external asset, so it
 * can be attached to a CI run and opened anywhere. Every string from outside the tool
 * goes through `escapeHtml`; markup is only ever written by this module.
 */
export function renderHtml(report: RunReport): string {
  const title = `schema-conform ${report.command} report`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    factsParagraph(report),
    summarySection(report),
    report.compliance ? complianceHtml(report.compliance) : "",
    adaptersSection(report),
    targetsSection(report),
    findingsSection(report),
    coverageSection(report),
  ].join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Text and double-quoted attribute values: markup characters as entities, characters HTML refuses made visible. */
export function escapeHtml(text: string): string {
  return escapeCodePoints(text, isHtmlSafe).replace(/[&<>"']/g, (c) => HTML_ENTITY[c]!);
}

const HTML_ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** A table from already-escaped cells; cells holding a whole number are right-aligned. */
function table(header: string[], rows: string[][]): string {
  const head = `<tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr>`;
  const cell = (c: string): string => (/^\d+$/.test(c) ? `<td class="num">${c}</td>` : `<td>${c}</td>`);
  const body = rows.map((row) => `<tr>${row.map(cell).join("")}</tr>`).join("\n");
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function factsParagraph(report: RunReport): string {
  const facts = [
    `seed ${report.seed}`,
    `${report.runs} runs`,
    `format policy ${report.formatPolicy}`,
    `started ${report.startedAt}`,
    `schema-conform ${report.tool.version}`,
  ];
  return `<p class="muted">${escapeHtml(facts.join(" · "))}</p>`;
}

function summarySection(report: RunReport): string {
  const t = report.totals;
  const totals = table(
    ["targets", "payloads", "findings", "time"],
    [[String(t.targets), String(t.payloads), String(t.findings), escapeHtml(formatDuration(t.timeMs))]],
  );
  const kinds = groupByKind(report.findings).map((g) => [
    `<code>${g.kind}</code>`,
    String(g.findings.length),
    escapeHtml(KIND_MEANING[g.kind]),
  ]);
  const byKind = kinds.length === 0 ? `<p class="status-ok">No findings.</p>` : table(["kind", "findings", "meaning"], kinds);
  return `<h2>Summary</h2>\n${totals}\n${byKind}`;
}

function adaptersSection(report: RunReport): string {
  if (report.adapters.length === 0) return "";
  const rows = report.adapters.map((a) => [
    escapeHtml(a.name),
    escapeHtml(a.version ?? ""),
    String(a.checked),
    String(a.skipped),
    String(report.findings.filter((f) => f.adapter === a.name).length),
  ]);
  return `<h2>Adapters</h2>\n${table(["adapter", "version", "checked", "skipped", "findings"], rows)}`;
}

function targetsSection(report: RunReport): string {
  if (report.targets.length === 0) return `<h2>Targets</h2>\n<p>No targets.</p>`;
  const rows = report.targets.map((t, index) => targetRow(t, index, report.findings));
  const header = ["target", "status", "valid", "invalid", "coverage", "time", "findings"];
  return `<h2>Targets</h2>\n${table(header, rows)}`;
}

function targetRow(target: TargetSummary, index: number, findings: Finding[]): string[] {
  const label = targetLabel(target.target);
  const count = findingsOfTarget(findings, label).length;
  const skips = (target.skippedBy ?? []).map((k) => `<div class="muted">skipped by ${escapeHtml(k.adapter)}: ${escapeHtml(k.reason)}</div>`).join("");
  const status = `<span class="status-${target.status}">${target.status}</span>${target.message === undefined ? "" : ` <span class="muted">${escapeHtml(target.message)}</span>`}${skips}`;
  return [
    `<a href="#target-${index}"><code>${escapeHtml(label)}</code></a>`,
    status,
    String(target.payloads.valid),
    String(target.payloads.invalid),
    target.coverage === undefined ? "n/a" : coverageBar(target.coverage.ratio),
    escapeHtml(formatDuration(target.timeMs)),
    count === 0 ? "0" : `<span class="has-findings">${count}</span>`,
  ];
}

function coverageBar(ratio: number): string {
  const percent = formatPercent(Math.min(1, Math.max(0, ratio)));
  return `<span class="bar" title="${percent}"><span style="width:${percent}"></span></span>${percent}`;
}

function findingsSection(report: RunReport): string {
  const groups = groupFindings(report);
  if (groups.length === 0) return "";
  const parts = ["<h2>Findings</h2>"];
  for (const group of groups) {
    parts.push(`<h3>${escapeHtml(group.adapter)}</h3>`);
    for (const kind of group.kinds) {
      parts.push(`<h4><code>${kind.kind}</code> (${kind.findings.length}) <span class="muted">${escapeHtml(KIND_MEANING[kind.kind])}</span></h4>`);
      parts.push(...kind.findings.map(findingArticle));
    }
  }
  return parts.join("\n");
}

function findingArticle(finding: Finding): string {
  const fault = (FAULT_KINDS as readonly string[]).includes(finding.kind);
  const broken = breakDescription(finding);
  const facts = [verdictLine(finding), replayLine(finding)];
  if (finding.witnesses !== undefined) facts.push(`witnesses: ${witnessLine(finding)}`);
  if (finding.probes !== undefined) facts.push(probeLine(finding));
  const lines = [
    `<article class="finding${fault ? " kind-fault" : ""}">`,
    `<div><code>${escapeHtml(targetLabel(finding.target))}</code>${broken === "" ? "" : ` — ${escapeHtml(broken)}`}</div>`,
    `<div class="muted">${escapeHtml(facts.join(" · "))}</div>`,
    `<pre>${escapeHtml(finding.text ?? prettyJson(finding.instance))}</pre>`,
  ];
  if (finding.message !== undefined) lines.push(`<pre>${escapeHtml(finding.message)}</pre>`);
  lines.push("</article>");
  return lines.join("\n");
}

function coverageSection(report: RunReport): string {
  if (report.targets.length === 0) return "";
  const parts = ["<h2>Coverage per target</h2>"];
  report.targets.forEach((target, index) => {
    parts.push(`<h3 id="target-${index}"><code>${escapeHtml(targetLabel(target.target))}</code></h3>`);
    parts.push(target.coverage === undefined ? `<p class="muted">No coverage recorded (${target.status}).</p>` : coverageDetails(target.coverage));
  });
  return parts.join("\n");
}

function coverageDetails(coverage: Coverage): string {
  const parts = [
    `<p>${coverageBar(coverage.ratio)} · ${coverage.exercised.length} keywords exercised by valid payloads · ${coverage.broken.length} broken by invalid payloads</p>`,
  ];
  if (coverage.neverBroken.length > 0) {
    const rows = coverage.neverBroken.map((n) => [`<code>${escapeHtml(n.keyword)}</code>`, `<code>${escapeHtml(n.schemaPath)}</code>`, escapeHtml(n.reason)]);
    parts.push(`<h4>Never broken</h4>\n${table(["keyword", "schema path", "reason"], rows)}`);
  }
  if (coverage.branches.length > 0) {
    const rows = coverage.branches.map((b) => [`<code>${escapeHtml(b.schemaPath)}</code>`, String(b.hit), String(b.total)]);
    parts.push(`<h4>Branches</h4>\n${table(["schema path", "hit", "total"], rows)}`);
  }
  if (coverage.optionalProperties.length > 0) {
    const yes = (b: boolean): string => (b ? "yes" : "<strong>no</strong>");
    const rows = coverage.optionalProperties.map((o) => [`<code>${escapeHtml(o.schemaPath)}</code>`, yes(o.present), yes(o.absent)]);
    parts.push(`<h4>Optional properties</h4>\n${table(["schema path", "seen present", "seen absent"], rows)}`);
  }
  return parts.join("\n");
}
