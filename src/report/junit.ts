import { FAULT_KINDS, type Finding } from "../model/finding.js";
import type { RunReport, TargetSummary } from "../model/report.js";
import { adapterOrder, findingsOfTarget, kindCounts } from "./group.js";
import { breakDescription, prettyJson, replayLine, targetLabel, verdictLine, witnessLine } from "./labels.js";
import { escapeCodePoints, isXmlChar } from "./sanitize.js";

/**
 * JUnit XML, as CI servers read it: one testsuite per adapter, one testcase per target
 * in every suite, the target's findings for that adapter in the testcase. Written by
 * hand: the format is small, and the escaping rules (XML 1.0 forbids most control
 * characters even as references) have to be exactly ours anyway.
 */
export function renderJunit(report: RunReport): string {
  return testsuitesDocument(`schema-conform ${report.command}`, report.totals.timeMs, adapterOrder(report).map((adapter) => suiteOf(report, adapter)));
}

/** One rendered testsuite and its counts. */
export interface SuiteXml {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** The document: a `testsuites` root whose counts are its suites' sums. */
export function testsuitesDocument(name: string, timeMs: number, suites: SuiteXml[]): string {
  const sum = (pick: (s: SuiteXml) => number): number => suites.reduce((n, s) => n + pick(s), 0);
  const root = element(
    "testsuites",
    { name, tests: sum((s) => s.tests), failures: sum((s) => s.failures), errors: sum((s) => s.errors), skipped: sum((s) => s.skipped), time: seconds(timeMs) },
    suites.map((s) => s.xml),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

type Outcome = "passed" | "failure" | "error" | "skipped";

function suiteOf(report: RunReport, adapter: string): SuiteXml {
  const ofAdapter = report.findings.filter((f) => f.adapter === adapter);
  const cases = report.targets.map((target) => {
    const findings = findingsOfTarget(ofAdapter, targetLabel(target.target));
    return { outcome: outcomeOf(target, findings), xml: testcase(adapter, target, findings) };
  });
  const count = (o: Outcome): number => cases.filter((c) => c.outcome === o).length;
  const tally = { tests: cases.length, failures: count("failure"), errors: count("error"), skipped: count("skipped") };
  const xml = element(
    "testsuite",
    {
      name: adapter,
      ...tally,
      time: seconds(report.targets.reduce((ms, t) => ms + t.timeMs, 0)),
      timestamp: report.startedAt,
    },
    [properties(report), ...cases.map((c) => c.xml)],
  );
  return { xml, ...tally };
}

function properties(report: RunReport): string {
  const entries: Array<[string, string]> = [
    ["tool.version", report.tool.version],
    ["seed", String(report.seed)],
    ["runs", String(report.runs)],
    ["formatPolicy", report.formatPolicy],
  ];
  return element("properties", {}, entries.map(([name, value]) => element("property", { name, value }, [])));
}

/**
 * One element per testcase, because the common JUnit schema allows only one: a
 * disagreement is a failure (a wrong answer); an adapter fault or a target in error is
 * an error (no answer); findings of both sorts all go into the one element's text.
 */
function outcomeOf(target: TargetSummary, findings: Finding[]): Outcome {
  if (findings.some((f) => !isFault(f))) return "failure";
  if (findings.length > 0 || target.status === "error") return "error";
  if (target.status === "skipped" || target.status === "unsatisfiable") return "skipped";
  return "passed";
}

function isFault(finding: Finding): boolean {
  return (FAULT_KINDS as readonly string[]).includes(finding.kind);
}

function testcase(adapter: string, target: TargetSummary, findings: Finding[]): string {
  const attributes = { name: targetLabel(target.target), classname: adapter, time: seconds(target.timeMs) };
  return element("testcase", attributes, outcomeElements(outcomeOf(target, findings), target, findings));
}

function outcomeElements(outcome: Outcome, target: TargetSummary, findings: Finding[]): string[] {
  const statusNote = target.message === undefined ? target.status : `${target.status}: ${target.message}`;
  switch (outcome) {
    case "passed":
      return [];
    case "skipped":
      return [element("skipped", { message: statusNote }, [])];
    case "failure":
    case "error": {
      const message = findings.length === 0 ? statusNote : `${findings.length} finding(s): ${kindCounts(findings)}`;
      const type = findings[0]?.kind ?? target.status;
      return [element(outcome, { message, type }, [escapeXmlText(findingsText(findings, statusNote))])];
    }
  }
}

function findingsText(findings: Finding[], statusNote: string): string {
  if (findings.length === 0) return statusNote;
  return findings.map(findingText).join("\n\n");
}

function findingText(finding: Finding): string {
  const lines = [`${finding.kind}: ${breakDescription(finding) || "valid payload"}`];
  lines.push(`instance: ${prettyJson(finding.instance)}`);
  lines.push(verdictLine(finding));
  if (finding.witnesses !== undefined) lines.push(`witnesses: ${witnessLine(finding)}`);
  if (finding.message !== undefined) lines.push(`message: ${finding.message}`);
  lines.push(replayLine(finding));
  return lines.join("\n");
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** `<name a="v">children</name>`; children are already XML. */
export function element(name: string, attributes: Record<string, string | number>, children: string[]): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join("");
  if (children.length === 0) return `<${name}${attrs}/>`;
  const inline = children.length === 1 && !children[0]!.startsWith("<");
  return inline ? `<${name}${attrs}>${children[0]}</${name}>` : `<${name}${attrs}>\n${children.join("\n")}\n</${name}>`;
}

/**
 * Character data: markup characters as entities (">" too, so "]]>" cannot appear), and a
 * carriage return as a reference, which parsers would otherwise fold into a newline.
 */
export function escapeXmlText(text: string): string {
  return escapeCodePoints(text, isXmlChar).replace(/[&<>\r]/g, (c) => XML_ENTITY[c]!);
}

/** Attribute values: also quotes, and tab/newline as references, which attribute normalisation would turn into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeCodePoints(text, isXmlChar).replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITY[c]!);
}

const XML_ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};
