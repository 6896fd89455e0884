import { UsageError } from "../schema/errors.js";
import type { RunReport } from "../model/report.js";
import { writeFileAtomic } from "./atomic-write.js";
import { renderJson } from "./json.js";
import { renderJunit } from "./junit.js";
import { renderComplianceJunit } from "./compliance-junit.js";
import { renderMarkdown } from "./md.js";
import { renderHtml } from "./html.js";
import { renderSarif } from "./sarif.js";

export { renderConsole, useColor, type ConsoleOptions } from "./console.js";
export { renderJson } from "./json.js";
export { renderJunit } from "./junit.js";
export { renderMarkdown } from "./md.js";
export { renderHtml } from "./html.js";
export { writeFileAtomic } from "./atomic-write.js";

/** The file formats of `--report FORMAT:PATH` (DESIGN.md, "Command line"); the console summary goes to stdout instead. */
export const REPORT_FORMATS = ["json", "junit", "md", "html", "sarif"] as const;
/** Formats written from the suite's cases as they run (`conform suite` only), not from the run report. */
export const CASE_REPORT_FORMATS = ["bowtie"] as const;
export type RunReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportFormat = RunReportFormat | (typeof CASE_REPORT_FORMATS)[number];
const ALL_FORMATS: readonly string[] = [...REPORT_FORMATS, ...CASE_REPORT_FORMATS];

export interface ReportSpec {
  format: ReportFormat;
  path: string;
}

const RENDERERS: Record<RunReportFormat, (report: RunReport) => string> = {
  json: renderJson,
  junit: (report) => (report.compliance ? renderComplianceJunit(report) : renderJunit(report)),
  md: renderMarkdown,
  html: renderHtml,
  sarif: renderSarif,
};

/** "json:out/r.json" → {format: "json", path: "out/r.json"}; split at the first colon, so paths may hold colons. */
export function parseReportSpec(spec: string): ReportSpec {
  const colon = spec.indexOf(":");
  if (colon < 0) throw new UsageError(`--report ${spec}: expected FORMAT:PATH, FORMAT one of ${ALL_FORMATS.join(", ")}`);
  const format = spec.slice(0, colon);
  const path = spec.slice(colon + 1);
  if (!isReportFormat(format)) {
    throw new UsageError(`--report ${spec}: unknown format "${format}", expected one of ${ALL_FORMATS.join(", ")}`);
  }
  if (path === "") throw new UsageError(`--report ${spec}: missing PATH after "${format}:"`);
  return { format, path };
}

export function isReportFormat(name: string): name is ReportFormat {
  return ALL_FORMATS.includes(name);
}

/** The report in one format, as text. */
export function renderReport(report: RunReport, format: RunReportFormat): string {
  return RENDERERS[format](report);
}

/** Writes every requested report, each atomically, creating folders; rejects on the first failure. */
export async function writeReports(report: RunReport, specs: readonly ReportSpec[]): Promise<void> {
  for (const spec of specs) {
    if (spec.format === "bowtie") throw new Error(`--report bowtie:${spec.path}: written by conform suite from its cases, not from a run report`);
    await writeFileAtomic(spec.path, renderReport(report, spec.format));
  }
}
