import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runConform } from "../cli/run-conform.js";
import { EXAMPLES, REPO_ROOT } from "../helpers/paths.js";

const SLEEPY = path.join(REPO_ROOT, "test/fixtures/harnesses/sleepy.mjs");

interface SlowReport {
  findings: Array<{ adapter: string; kind: string; target: { file: string } }>;
  targets: Array<{ target: { file: string }; status: string }>;
}

/** A harness that takes 15 s over each run request, past every limit of the run (issue 14). */
describe("a harness slower than the request time limit", function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-slow-harness-"))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("gives adapter-timeout findings for that adapter; the run completes, the other adapter is judged, the report is written", async function () {
    const report = path.join(dir, "report.json");
    const sleepy = `exec:${process.execPath} ${SLEEPY}`;
    const r = await runConform(["fuzz", EXAMPLES, "--runs", "4", "--seed", "1", "--timeout", "2000", "--adapter", sleepy, "--adapter", "ajv", "--report", `json:${report}`], { timeoutMs: 100_000 });
    expect(r.status, r.stderr).to.equal(1);
    expect(r.stderr).not.to.match(/per-target time limit|^\s+at /m);
    const written = JSON.parse(fs.readFileSync(report, "utf8")) as SlowReport;
    expect(written.targets.map((t) => t.status)).to.deep.equal(["ok", "ok", "ok"]);
    const slow = written.findings.filter((f) => f.adapter === sleepy);
    expect(new Set(slow.map((f) => f.kind))).to.deep.equal(new Set(["adapter-timeout"]));
    expect(new Set(slow.map((f) => path.basename(f.target.file))).size, "a timeout on every target").to.equal(3);
    expect(written.findings.filter((f) => f.adapter === "ajv")).to.deep.equal([]);
  });
});
