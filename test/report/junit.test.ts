import { expect } from "chai";
import fc from "fast-check";
import { escapeXmlAttribute, escapeXmlText, renderJunit } from "../../src/report/junit.js";
import { targetLabel } from "../../src/report/labels.js";
import { escapeCodePoints, isXmlChar } from "../../src/report/sanitize.js";
import { awkwardString, runReport } from "./arbitraries.js";
import { cleanReport, sampleReport } from "./fixtures.js";
import { elementsNamed, parseXml, textOf, type XmlElement } from "./xml-check.js";
import { forEachSeed } from "../helpers/seeds.js";

/** What survives of a string in XML: characters XML 1.0 forbids become visible escapes. */
const visible = (s: string): string => escapeCodePoints(s, isXmlChar);

function suiteNamed(root: XmlElement, name: string): XmlElement {
  const suite = elementsNamed(root, "testsuite").find((s) => s.attributes.name === name);
  if (suite === undefined) throw new Error(`no testsuite ${name}`);
  return suite;
}

function caseNamed(suite: XmlElement, name: string): XmlElement {
  const testcase = elementsNamed(suite, "testcase").find((c) => c.attributes.name === name);
  if (testcase === undefined) throw new Error(`no testcase ${name}`);
  return testcase;
}

describe("report/junit", () => {
  it("escapes text so that a parser reads back the same characters", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(awkwardString, (s) => {
          const root = parseXml(`<a v="${escapeXmlAttribute(s)}">${escapeXmlText(s)}</a>`);
          expect(root.attributes.v).to.equal(visible(s));
          expect(textOf(root)).to.equal(visible(s));
        }),
        { seed, numRuns: 500 },
      ),
    );
  });

  it("never writes ]]>, forbidden characters or raw newlines in attributes", () => {
    expect(escapeXmlText("a]]>b")).to.equal("a]]&gt;b");
    expect(escapeXmlText("\u0000\u001b\ud800\uffff")).to.equal("\\u0000\\u001B\\uD800\\uFFFF");
    expect(escapeXmlAttribute('x\n"y"\t<')).to.equal("x&#10;&quot;y&quot;&#9;&lt;");
    expect(escapeXmlText("keeps\ttab\nand 😀")).to.equal("keeps\ttab\nand 😀");
  });

  it("is well-formed XML for any report", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(runReport, (report) => {
          const root = parseXml(renderJunit(report));
          expect(root.name).to.equal("testsuites");
        }),
        { seed, numRuns: 200 },
      ),
    );
  });

  it("has one testsuite per adapter (and per other name findings carry) with one testcase per target", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(runReport, (report) => {
          const root = parseXml(renderJunit(report));
          const names = new Set([...report.adapters.map((a) => visible(a.name)), ...report.findings.map((f) => visible(f.adapter))]);
          const suites = elementsNamed(root, "testsuite");
          expect(new Set(suites.map((s) => s.attributes.name))).to.deep.equal(names);
          for (const suite of suites) {
            expect(elementsNamed(suite, "testcase")).to.have.length(report.targets.length);
            expect(Number(suite.attributes.tests)).to.equal(report.targets.length);
          }
        }),
        { seed, numRuns: 150 },
      ),
    );
  });

  it("puts a disagreement in a failure and a fault alone in an error, with counts to match", () => {
    const root = parseXml(renderJunit(sampleReport));
    const python = suiteNamed(root, "python-jsonschema");
    const initialize = caseNamed(python, targetLabel(sampleReport.targets[0]!.target));
    const thread = caseNamed(python, targetLabel(sampleReport.targets[1]!.target));
    const person = caseNamed(python, targetLabel(sampleReport.targets[2]!.target));
    expect(elementsNamed(initialize, "failure")).to.have.length(1);
    expect(elementsNamed(initialize, "failure")[0]!.attributes.type).to.equal("false-accept");
    expect(elementsNamed(thread, "error")[0]!.attributes.type).to.equal("adapter-timeout");
    expect(elementsNamed(person, "failure")).to.have.length(1, "format-difference on the unsatisfiable target still fails");
    expect(python.attributes).to.include({ tests: "3", failures: "2", errors: "1", skipped: "0" });
    expect(root.attributes).to.include({ tests: "9" });
  });

  it("carries each finding's shrunk instance, verdicts and replay seed in the failure text", () => {
    const root = parseXml(renderJunit(sampleReport));
    const failure = elementsNamed(caseNamed(suiteNamed(root, "python-jsonschema"), targetLabel(sampleReport.targets[0]!.target)), "failure")[0]!;
    const text = textOf(failure);
    expect(text).to.include("false-accept: minLength at /properties/clientInfo/properties/name/minLength instance /clientInfo/name");
    expect(text).to.include('"name": ""');
    expect(text).to.include("expected invalid, oracle invalid, python-jsonschema valid");
    expect(text).to.include('seed 42, path "3:1:0"');
  });

  it("marks an unsatisfiable target skipped where the adapter has no finding about it", () => {
    const root = parseXml(renderJunit(cleanReport));
    const person = caseNamed(suiteNamed(root, "python-jsonschema"), targetLabel(cleanReport.targets[2]!.target));
    expect(elementsNamed(person, "skipped")[0]!.attributes.message).to.match(/^unsatisfiable: allOf/);
    expect(root.attributes).to.include({ failures: "0", errors: "0", skipped: "2" });
  });

  it("keeps the oracle's own findings in a suite of their own, witnesses included", () => {
    const root = parseXml(renderJunit(sampleReport));
    const ajv = suiteNamed(root, "ajv");
    const text = textOf(elementsNamed(ajv, "failure")[0]!);
    expect(text).to.include("witnesses: label invalid, oracle valid, python-jsonschema valid");
    expect(text).to.include("\\u0000<b>]]>");
  });
});
