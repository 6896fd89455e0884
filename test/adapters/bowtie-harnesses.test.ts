import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runConform } from "../cli/run-conform.js";
import { CODEX_BUNDLE, EXAMPLES, SUITE, needsShared, type SharedData } from "../helpers/paths.js";
import { findingsOfKind, hyperjumpPartner, nonFormatFindings, pythonJsonschemaPartner, skippedTargets, type Partner, type Report } from "./bowtie/partners.js";

const SHARED_BOWTIE_HARNESSES: SharedData = { relativePath: "bowtie/harnesses", what: "two of Bowtie's own harnesses" };
const SHARED_CODEX_BUNDLE: SharedData = { relativePath: "corpus/codex-app-server-protocol/codex_app_server_protocol.v2.schemas.json", what: "the Codex app-server-protocol bundle" };
const SHARED_SUITE_TESTS: SharedData = { relativePath: "json-schema-test-suite/tests", what: "the official JSON-Schema-Test-Suite" };
const CODEX_URI = "https://codex.schema-conform.invalid/";
/** Every how-many-th Codex definition the test fuzzes: the whole bundle (449) takes minutes with four adapters. */
const CODEX_STRIDE = 10;

/**
 * A bundle whose definitions each `$ref` one Codex definition, every CODEX_STRIDE-th; the
 * Codex folder is served at CODEX_URI, so the cases also carry a remote document.
 */
function codexSample(dir: string): string {
  const bundle = JSON.parse(fs.readFileSync(CODEX_BUNDLE, "utf8")) as { definitions: Record<string, unknown> };
  const names = Object.keys(bundle.definitions).sort().filter((_, i) => i % CODEX_STRIDE === 0);
  const refs = Object.fromEntries(names.map((n) => [n, { $ref: `${CODEX_URI}${path.basename(CODEX_BUNDLE)}#/definitions/${n}` }]));
  const file = path.join(dir, "codex-sample.json");
  fs.writeFileSync(file, JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", definitions: refs }));
  return file;
}

describe("Bowtie's own harnesses, unmodified, agree with the built-in adapters of their libraries", function () {
  this.timeout(240_000);
  let work: string;
  const partners: Partner[] = [];

  before(function () {
    needsShared(this, SHARED_BOWTIE_HARNESSES);
    work = fs.mkdtempSync(path.join(os.tmpdir(), "conform-bowtie-partners-"));
    for (const setup of [hyperjumpPartner(work), pythonJsonschemaPartner(work)]) {
      if (setup.ok) partners.push(setup.partner);
      else console.log(`  skipped in part: a Bowtie harness: ${setup.reason}`);
    }
    if (partners.length === 0) this.skip();
  });
  after(() => work && fs.rmSync(work, { recursive: true, force: true }));

  /** One run with every harness and built-in adapter, same seed; its JSON report. */
  async function run(name: string, args: string[]): Promise<Report> {
    const report = path.join(work, `${name}.json`);
    const adapters = partners.flatMap((p) => ["--adapter", p.harness, "--adapter", p.builtIn]);
    const r = await runConform([...args, ...adapters, "--report", `json:${report}`], { timeoutMs: 200_000 });
    expect(r.status, r.stderr).to.be.oneOf([0, 1]);
    return JSON.parse(fs.readFileSync(report, "utf8")) as Report;
  }

  function expectAgreement(report: Report): void {
    for (const { harness, builtIn } of partners) {
      expect(findingsOfKind(report, harness, "protocol-error"), `${harness}: protocol errors`).to.deep.equal([]);
      // An adapter-error of the harness is the library's own (as the built-in adapter shows), never the case's shape.
      const builtInErrors = new Set(findingsOfKind(report, builtIn, "adapter-error"));
      const leftOut = skippedTargets(report, [harness, builtIn]);
      const harnessErrors = report.findings.filter((f) => f.adapter === harness && f.kind === "adapter-error" && !leftOut.has(f.target.uri));
      expect(harnessErrors.map((f) => `${f.target.file}#${f.target.pointer}`).filter((t) => !builtInErrors.has(t)), `${harness}: adapter errors`).to.deep.equal([]);
      expect(nonFormatFindings(report, harness, leftOut), `${harness} vs ${builtIn}`).to.deep.equal(nonFormatFindings(report, builtIn, leftOut));
    }
  }

  it("on schema/examples", async function () {
    expectAgreement(await run("examples", ["fuzz", EXAMPLES, "--runs", "20", "--seed", "1"]));
  });

  it(`on the Codex bundle (every ${CODEX_STRIDE}th definition, served as a remote)`, async function () {
    needsShared(this, SHARED_CODEX_BUNDLE);
    const sample = codexSample(work);
    const report = await run("codex", ["fuzz", sample, "--definitions", "--remotes", `${CODEX_URI}=${path.dirname(CODEX_BUNDLE)}`, "--runs", "4", "--seed", "1"]);
    expect(report.targets.length).to.be.above(40);
    expectAgreement(report);
  });

  for (const dialect of ["draft-07", "2020-12"]) {
    it(`on the official suite, ${dialect}`, async function () {
      needsShared(this, SHARED_SUITE_TESTS);
      expectAgreement(await run(`suite-${dialect}`, ["suite", "--suite", SUITE, "--dialect", dialect]));
    });
  }
});
