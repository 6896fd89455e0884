import { expect } from "chai";
import stringify from "fast-json-stable-stringify";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fuzz, type RunReport } from "../../src/index.js";
import { runConform } from "../cli/run-conform.js";
import { REPO_ROOT } from "../helpers/paths.js";

const FIXTURES = path.join(REPO_ROOT, "test/library/fixtures");
/** event.json (a date-time hyperjump reads more strictly than ajv-formats: leap seconds), a file that is not JSON, one with a bad regex. */
const MIXED = path.join(FIXTURES, "mixed");
const ASCII_ONLY = `module:${path.join(REPO_ROOT, "test/fixtures/adapters/ascii-only.mjs")}`;
const SEED = 3;
const RUNS = 100;

/** What must be the same whichever entry point ran the campaign: the findings and each target's status. */
function observed(report: RunReport): { findings: string[]; statuses: string[] } {
  return {
    findings: report.findings.map((f) => stringify({ kind: f.kind, adapter: f.adapter, keyword: f.keyword, schemaPath: f.schemaPath, instance: f.instance, target: f.target.uri })).sort(),
    statuses: report.targets.map((t) => `${t.target.uri} ${t.status} ${t.message ?? ""}`).sort(),
  };
}

interface MochaResult {
  report: RunReport;
  /** Test title → the failure's message, or null for a passing test. */
  tests: Map<string, string | null>;
}

/** The mocha helper in a child mocha (json reporter), with the report it hands to onReport. */
function runMochaHelper(options: object, dir: string): MochaResult {
  const reportPath = path.join(dir, "mocha-report.json");
  const mochaBin = path.join(REPO_ROOT, "node_modules/mocha/bin/mocha.js");
  const r = spawnSync(process.execPath, [mochaBin, "--no-config", "--reporter", "json", "--timeout", "120000", path.join(FIXTURES, "parity.spec.mjs")], {
    encoding: "utf8",
    env: { ...process.env, PARITY_OPTIONS: JSON.stringify(options), PARITY_REPORT: reportPath },
  });
  const out = JSON.parse(r.stdout) as { passes: Array<{ title: string }>; failures: Array<{ title: string; err: { message: string } }> };
  const tests = new Map<string, string | null>([...out.passes.map((t) => [t.title, null] as const), ...out.failures.map((t) => [t.title, t.err.message] as const)]);
  return { report: JSON.parse(fs.readFileSync(reportPath, "utf8")) as RunReport, tests };
}

describe("library, CLI and mocha helper run the same campaign (parity)", function () {
  this.timeout(300_000);
  let dir: string;
  let library: RunReport;
  let cli: RunReport;
  let cliStatus: number | null;
  let mocha: MochaResult;

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-parity-"));
    const options = { schemas: [MIXED], adapters: ["hyperjump", ASCII_ONLY], seed: SEED, runs: RUNS };
    library = await fuzz(options);
    const reportPath = path.join(dir, "cli-report.json");
    const run = await runConform(["fuzz", MIXED, "--adapter", "hyperjump", "--adapter", ASCII_ONLY, "--seed", String(SEED), "--runs", String(RUNS), "--report", `json:${reportPath}`], { timeoutMs: 240_000 });
    cliStatus = run.status;
    cli = JSON.parse(fs.readFileSync(reportPath, "utf8")) as RunReport;
    mocha = runMochaHelper(options, dir);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the fixture shows a format-only reject and a planted bug, both told apart (the format-blind twins' work)", () => {
    const kinds = library.findings.map((f) => `${f.kind} by ${f.adapter}`).sort();
    expect(kinds).to.deep.equal(["false-reject by ascii-only", "format-difference by hyperjump"]);
  });

  it("fuzz() and the CLI's JSON report give the same findings and statuses", () => {
    expect(observed(cli)).to.deep.equal(observed(library));
    expect(cliStatus, "bad input among good files exits 2").to.equal(2);
  });

  it("the mocha helper gives the same findings and statuses", () => {
    expect(observed(mocha.report)).to.deep.equal(observed(library));
  });

  it("the mocha helper fails exactly the tests of targets with findings or in error, naming them", () => {
    const expected = new Map(library.targets.map((t) => [t.target.uri, t.status === "error" || library.findings.some((f) => f.target.uri === t.target.uri)]));
    expect(mocha.tests.size).to.equal(library.targets.length);
    for (const t of library.targets) {
      const file = path.relative(MIXED, t.target.file);
      const [title, message] = [...mocha.tests].find(([title]) => title.includes(`${file}`))!;
      expect(message !== null, `${title}: ${message}`).to.equal(expected.get(t.target.uri));
      if (t.status === "error") expect(message).to.include(t.message);
    }
    expect(mocha.tests.get([...mocha.tests.keys()].find((k) => k.includes("event.json"))!)).to.match(/false-reject by ascii-only/).and.match(/format-difference by hyperjump/);
  });
});
