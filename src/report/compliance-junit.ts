import type { AdapterCompliance, OutcomeCounts, UnsuccessfulTest } from "../model/compliance.js";
import type { RunReport } from "../model/report.js";
import { adapterTitle } from "./compliance-text.js";
import { element, escapeXmlText, testsuitesDocument, type SuiteXml } from "./junit.js";

/**
 * JUnit of `conform suite`: a testsuite per adapter and suite file, a testcase per test that
 * did not pass (a known failure is a skipped testcase, with its reason), and one testcase
 * standing for the tests that passed, so the counts are the compliance table's.
 */
export function renderComplianceJunit(report: RunReport): string {
  const table = report.compliance!;
  const suites = table.adapters.flatMap((a) => a.files.map((f) => fileSuite(a, f.file, f.counts, a.unsuccessful.filter((u) => u.file === f.file))));
  return testsuitesDocument(`schema-conform suite ${table.dialect}`, report.totals.timeMs, suites);
}

function fileSuite(a: AdapterCompliance, file: string, counts: OutcomeCounts, tests: UnsuccessfulTest[]): SuiteXml {
  const name = `${adapterTitle(a)} · ${file}`;
  const cases = tests.map((u) => testcase(name, u));
  if (counts.passed > 0) cases.unshift(element("testcase", { classname: name, name: `${counts.passed} test(s) passed` }, []));
  const failures = tests.filter((u) => u.known === undefined && u.outcome === "failed").length;
  const errors = tests.filter((u) => u.known === undefined && u.outcome === "errored").length;
  const skipped = tests.length - failures - errors;
  return { xml: element("testsuite", { name, tests: cases.length, failures, errors, skipped }, cases), tests: cases.length, failures, errors, skipped };
}

function testcase(classname: string, u: UnsuccessfulTest): string {
  const name = `${u.group} / ${u.test}`;
  if (u.known !== undefined) return element("testcase", { classname, name }, [element("skipped", { message: `known ${u.outcome}: ${u.known}` }, [])]);
  if (u.outcome === "skipped") return element("testcase", { classname, name }, [element("skipped", { message: u.message ?? "skipped" }, [])]);
  const tag = u.outcome === "failed" ? "failure" : "error";
  const message = u.outcome === "failed" ? "wrong verdict" : (u.message ?? "errored");
  return element("testcase", { classname, name }, [element(tag, { message, type: u.outcome }, [escapeXmlText(u.message ?? message)])]);
}
