import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import { runConform } from "./run-conform.js";
import { makeMiniSuite, MINI_ADAPTERS, type MiniSuite } from "./mini-suite.js";

describe("conform diff", function () {
  this.timeout(120_000);
  let mini: MiniSuite;
  let lenient: string;
  let correct: string;

  /** Two real suite runs of the same adapter name: one release accepting everything, one right. */
  before(async () => {
    mini = makeMiniSuite();
    lenient = path.join(mini.dir, "old.json");
    correct = path.join(mini.dir, "new.json");
    for (const [file, source, out] of [["v1.mjs", MINI_ADAPTERS.lenient("demo"), lenient], ["v2.mjs", MINI_ADAPTERS.correct("demo"), correct]] as const) {
      const r = await runConform(["suite", "--suite", mini.suite, "--dialect", "draft-07", "--adapter", mini.adapter(file, source), "--known-failures", "/nonexistent", "--report", `json:${out}`], { timeoutMs: 90_000 });
      expect(r.status, r.stderr).to.be.oneOf([0, 1]);
    }
  });
  after(() => mini.remove());

  it("shows fixed findings and the tests that now pass, and exits 0 when nothing regressed", async () => {
    const r = await runConform(["diff", lenient, correct], { timeoutMs: 30_000 });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.include("Findings: 0 new, 2 fixed, 0 unchanged");
    expect(r.stdout).to.include("demo draft-07: 2 passed, 2 failed, 0 errored, 0 skipped of 4 → 4 passed, 0 failed, 0 errored, 0 skipped of 4");
    expect(r.stdout).to.include("changed   demo: mini.json / integers / a string: failed → passed");
  });

  it("exits 1 on new findings and regressions, and names each regressed test", async () => {
    const r = await runConform(["diff", correct, lenient], { timeoutMs: 30_000 });
    expect(r.status, r.stderr).to.equal(1);
    expect(r.stdout).to.include("Findings: 2 new, 0 fixed, 0 unchanged");
    expect(r.stdout).to.include("REGRESSED demo: mini.json / short strings / abc: passed → failed");
  });

  it("reports a run against itself as unchanged (exit 0), and --json gives the same facts", async () => {
    const r = await runConform(["diff", lenient, lenient, "--json"], { timeoutMs: 30_000 });
    expect(r.status, r.stderr).to.equal(0);
    const diff = JSON.parse(r.stdout) as { findings: { added: unknown[]; fixed: unknown[]; unchanged: unknown[] }; tests: unknown[] };
    expect([diff.findings.added.length, diff.findings.fixed.length, diff.findings.unchanged.length, diff.tests.length]).to.deep.equal([0, 0, 2, 0]);
  });

  it("refuses a file that is not a JSON report with one line (exit 2)", async () => {
    const bad = path.join(mini.dir, "bad.json");
    fs.writeFileSync(bad, "{}");
    const r = await runConform(["diff", bad, lenient], { timeoutMs: 30_000 });
    expect(r.status).to.equal(2);
    expect(r.stderr.trim().split("\n")).to.have.length(1);
  });
});
