import type { AdapterCompliance, ComplianceTable, OutcomeCounts, UnsuccessfulTest } from "../model/compliance.js";
import { totalOf } from "./compliance.js";
import { adapterTitle, cellText, complianceFiles, countsText, knownCount, testLabel } from "./compliance-text.js";
import { escapeHtml } from "./html.js";

/** The compliance matrix: a row per suite file, a column per adapter; a cell with unsuccessful tests opens (details, no script) to list them. */
export function complianceHtml(table: ComplianceTable): string {
  const head = `<tr><th>file</th>${table.adapters.map((a) => `<th>${escapeHtml(adapterTitle(a))}</th>`).join("")}</tr>`;
  const totals = `<tr><th>all files</th>${table.adapters.map((a) => `<td class="${cellClass(a.counts, a.unsuccessful.every(isExpected))}" title="${escapeHtml(countsText(a.counts, knownCount(a)))}">${cellText(a.counts)}</td>`).join("")}</tr>`;
  const rows = complianceFiles(table).map((file) => `<tr><th>${escapeHtml(file)}</th>${table.adapters.map((a) => fileCell(a, file)).join("")}</tr>`);
  const stale = table.adapters.flatMap((a) => a.stale.map((k) => `<li>${escapeHtml(a.adapter)}: ${escapeHtml(`${k.file} / ${k.group}${k.test === undefined ? "" : ` / ${k.test}`}`)}</li>`));
  return [
    `<h2 id="compliance">Compliance (${escapeHtml(table.dialect)})</h2>`,
    `<p class="muted">passed/total per suite file; a red cell has unexpected failures or errors, an amber one only known failures or skips: open it for the tests.</p>`,
    `<table class="matrix">\n<thead>${head}</thead>\n<tbody>\n${totals}\n${rows.join("\n")}\n</tbody>\n</table>`,
    stale.length > 0 ? `<h3>Stale known failures (they pass now)</h3>\n<ul>${stale.join("")}</ul>` : "",
  ].join("\n");
}

function fileCell(a: AdapterCompliance, file: string): string {
  const counts = a.files.find((f) => f.file === file)?.counts;
  if (counts === undefined) return `<td class="muted">–</td>`;
  const tests = a.unsuccessful.filter((u) => u.file === file);
  const cls = cellClass(counts, tests.every(isExpected));
  if (tests.length === 0) return `<td class="${cls}">${cellText(counts)}</td>`;
  const items = tests.map((u) => `<li><b>${u.outcome}</b>${u.known ? " (known)" : ""}: ${escapeHtml(testLabel(u).slice(file.length + 3))}${detailOf(u.known ?? u.message)}</li>`);
  return `<td class="${cls}"><details><summary>${cellText(counts)}</summary><ul>${items.join("")}</ul></details></td>`;
}

/** Listed in the known failures, or skipped (the adapter does not claim the dialect). */
function isExpected(u: UnsuccessfulTest): boolean {
  return u.known !== undefined || u.outcome === "skipped";
}

function detailOf(text: string | undefined): string {
  return text === undefined ? "" : ` <span class="muted">— ${escapeHtml(text.slice(0, 300))}</span>`;
}

/** Green when all passed; amber when what did not pass is known or skipped; red otherwise. */
function cellClass(counts: OutcomeCounts, onlyExpected = false): string {
  if (counts.passed === totalOf(counts)) return "cell-pass";
  return onlyExpected ? "cell-known" : "cell-fail";
}
