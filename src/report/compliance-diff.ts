import stableStringify from "fast-json-stable-stringify";
import type { AdapterCompliance, ComplianceTable, OutcomeCounts, TestOutcome } from "../model/compliance.js";
import type { Finding } from "../model/finding.js";
import type { RunReport } from "../model/report.js";

/** What changed between two JSON reports (`conform diff`). */
export interface ReportDiff {
  findings: { added: Finding[]; fixed: Finding[]; unchanged: Finding[] };
  /** Per adapter present in either report's compliance table: its counts before and after. */
  adapters: Array<{ adapter: string; dialect: string; before?: OutcomeCounts; after?: OutcomeCounts; versions: [string?, string?] }>;
  /** Every test whose outcome changed, for adapters in both tables of the same dialect. */
  tests: TestChange[];
}

export interface TestChange {
  adapter: string;
  file: string;
  group: string;
  test: string;
  before: TestOutcome;
  after: TestOutcome;
}

/** The same finding in two runs: same adapter, kind, target, verdicts and instance (a seed's findings are the same bytes). */
export function findingKey(f: Finding): string {
  return stableStringify([f.adapter, f.kind, f.target.file, f.target.pointer, f.expected, f.actual, f.keyword, f.schemaPath, f.instancePath, f.instance]);
}

export function diffReports(before: RunReport, after: RunReport): ReportDiff {
  const oldKeys = new Set(before.findings.map(findingKey));
  const newKeys = new Set(after.findings.map(findingKey));
  return {
    findings: {
      added: after.findings.filter((f) => !oldKeys.has(findingKey(f))),
      fixed: before.findings.filter((f) => !newKeys.has(findingKey(f))),
      unchanged: after.findings.filter((f) => oldKeys.has(findingKey(f))),
    },
    adapters: adapterChanges(before.compliance, after.compliance),
    tests: testChanges(before.compliance, after.compliance),
  };
}

/** A passed test that now fails or errors. */
export function isRegression(c: TestChange): boolean {
  return c.before === "passed" && (c.after === "failed" || c.after === "errored");
}

function adapterChanges(before: ComplianceTable | undefined, after: ComplianceTable | undefined): ReportDiff["adapters"] {
  const names = [...new Set([...(before?.adapters ?? []), ...(after?.adapters ?? [])].map((a) => a.adapter))];
  return names.map((adapter) => {
    const b = before?.adapters.find((a) => a.adapter === adapter);
    const a = after?.adapters.find((x) => x.adapter === adapter);
    return { adapter, dialect: (after ?? before)!.dialect, ...(b ? { before: b.counts } : {}), ...(a ? { after: a.counts } : {}), versions: [b?.version, a?.version] };
  });
}

function testChanges(before: ComplianceTable | undefined, after: ComplianceTable | undefined): TestChange[] {
  if (!before || !after || before.dialect !== after.dialect) return [];
  return after.adapters.flatMap((a) => {
    const b = before.adapters.find((x) => x.adapter === a.adapter);
    return b ? adapterTestChanges(b, a) : [];
  });
}

/** Tests listed as unsuccessful in either run whose outcome differs; a test not listed passed when its file ran. */
function adapterTestChanges(before: AdapterCompliance, after: AdapterCompliance): TestChange[] {
  const key = (u: { file: string; group: string; test: string }) => JSON.stringify([u.file, u.group, u.test]);
  const outcomes = (a: AdapterCompliance) => new Map(a.unsuccessful.map((u) => [key(u), u.outcome as TestOutcome]));
  const ran = (a: AdapterCompliance, file: string) => a.files.some((f) => f.file === file);
  const [old, now] = [outcomes(before), outcomes(after)];
  const tests = new Map([...before.unsuccessful, ...after.unsuccessful].map((u) => [key(u), u]));
  const changes: TestChange[] = [];
  for (const [k, u] of tests) {
    if (!ran(before, u.file) || !ran(after, u.file)) continue;
    const b = old.get(k) ?? "passed";
    const a = now.get(k) ?? "passed";
    if (a !== b) changes.push({ adapter: after.adapter, file: u.file, group: u.group, test: u.test, before: b, after: a });
  }
  return changes;
}
