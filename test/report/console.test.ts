import { expect } from "chai";
import fc from "fast-check";
import { renderConsole, useColor } from "../../src/report/console.js";
import { runReport } from "./arbitraries.js";
import { cleanReport, sampleReport } from "./fixtures.js";
import { forEachSeed } from "../helpers/seeds.js";

describe("report/console", () => {
  it("uses colour only on a terminal, and never when NO_COLOR is set", () => {
    expect(useColor({ isTTY: true }, {})).to.equal(true);
    expect(useColor({ isTTY: false }, {})).to.equal(false);
    expect(useColor({}, {})).to.equal(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "1" })).to.equal(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "" })).to.equal(true, "an empty NO_COLOR does not count (no-color.org)");
  });

  it("writes no escape sequence without colour, whatever the report's strings hold", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(runReport, (report) => {
          // Nothing from the report may move the cursor, clear the screen or break a line.
          const text = renderConsole(report, { color: false });
          expect(text).not.to.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
          expect(text).not.to.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        }),
        { seed, numRuns: 200 },
      ),
    );
  });

  it("colours with ANSI codes when asked", () => {
    expect(renderConsole(sampleReport, { color: true })).to.include("\u001b[1mFindings\u001b[0m");
  });

  it("gives one line per target with its payload counts, coverage, time and findings", () => {
    const lines = renderConsole(sampleReport, { color: false }).split("\n");
    const targetLines = lines.slice(lines.indexOf("Targets") + 1, lines.indexOf("Targets") + 4);
    expect(targetLines[0]).to.match(/^ {2}ok +\.\.\/shared\/.*#\/definitions\/InitializeParams {2}valid 100 · invalid 100 · coverage 83% · 1\.2 s · 1 finding$/);
    expect(targetLines[2]).to.match(/^ {2}unsatisfiable schemas\/person\.json .*coverage n\/a · 12 ms · 2 findings \(allOf at/);
  });

  it("shows invisible characters of a counterexample as escapes: line separators, zero-width and bidi controls, BOM", () => {
    const instance = { "\u2028": "a\u200bb\u202ec\u2067d\ufeff" };
    const report = { ...sampleReport, findings: [{ ...sampleReport.findings[0]!, instance }] };
    expect(renderConsole(report, { color: false })).to.include('instance: {"\\u2028":"a\\u200Bb\\u202Ec\\u2067d\\uFEFF"}');
  });

  it("says under a target which adapters skipped it, and why", () => {
    const skippedBy = [{ adapter: "schemasafe", reason: "schemasafe cannot compile x.json: \u001b[31mInvalid input object" }];
    const report = { ...sampleReport, targets: [{ ...sampleReport.targets[0]!, skippedBy }, ...sampleReport.targets.slice(1)] };
    const lines = renderConsole(report, { color: false }).split("\n");
    const at = lines.findIndex((l) => l.includes("#/definitions/InitializeParams"));
    expect(lines[at + 1]).to.equal("      skipped by schemasafe: schemasafe cannot compile x.json: \\u001B[31mInvalid input object");
    expect(renderConsole(sampleReport, { color: false })).to.not.include("skipped by");
  });

  it("groups findings by adapter, then kind, each with its shrunk instance", () => {
    const text = renderConsole(sampleReport, { color: false });
    const order = ["  python-jsonschema", "    false-accept (1)", "    format-difference (1)", "    adapter-timeout (1)", "  @cfworker/json-schema", "    false-reject (1)", "  ajv", "    oracle-disagreement (1)"];
    const positions = order.map((line) => text.indexOf(`\n${line}\n`));
    expect(positions.every((p) => p > 0)).to.equal(true);
    expect([...positions].sort((a, b) => a - b)).to.deep.equal(positions);
    expect(text).to.include('        instance: {"clientInfo":{"name":"","version":"1"}}');
    expect(text).to.include("        witnesses: label invalid, oracle valid, python-jsonschema valid, @cfworker/json-schema invalid");
  });

  it("ends with the totals", () => {
    expect(renderConsole(sampleReport, { color: false })).to.match(/Totals: 3 targets · 400 payloads · 5 findings \(false-accept 1, false-reject 1, format-difference 1, oracle-disagreement 1, adapter-timeout 1\) · 3\.3 s\n$/);
    expect(renderConsole(cleanReport, { color: false })).to.include("No findings.");
  });

  it("cuts long instances and shows how long they were", () => {
    const long = { ...sampleReport, findings: [{ ...sampleReport.findings[0]!, instance: "x".repeat(500) }] };
    expect(renderConsole(long, { color: false, maxInstanceChars: 50 })).to.include(`instance: "${"x".repeat(49)}… (502 chars)`);
  });
});
