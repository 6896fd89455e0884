import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import type { RunReport } from "../../src/model/report.js";
import { reportValidator } from "../report/report-schema.js";
import { parseXml } from "../report/xml-check.js";
import { runConform } from "./run-conform.js";
import { makeMiniSuite, MINI_ADAPTERS, type MiniSuite } from "./mini-suite.js";

const NOT_A_FOLDER = "/nonexistent-known-failures";

describe("conform suite: compliance table and known failures", function () {
  this.timeout(120_000);
  let mini: MiniSuite;
  before(() => (mini = makeMiniSuite()));
  after(() => mini.remove());

  async function suite(adapter: string, knownDir: string, ...more: string[]) {
    const json = path.join(mini.dir, `report-${Math.random().toString(36).slice(2)}.json`);
    const r = await runConform(["suite", "--suite", mini.suite, "--dialect", "draft-07", "--adapter", adapter, "--known-failures", knownDir, "--report", `json:${json}`, ...more], { timeoutMs: 90_000 });
    return { ...r, report: JSON.parse(fs.readFileSync(json, "utf8")) as RunReport, json };
  }

  it("counts each adapter's passed and failed tests per file, and exits 1 on failures no list names", async () => {
    const r = await suite(mini.adapter("lenient.mjs", MINI_ADAPTERS.lenient("lenient")), NOT_A_FOLDER);
    expect(r.status, r.stderr).to.equal(1);
    const row = r.report.compliance!.adapters[0]!;
    expect(row.counts).to.deep.equal({ passed: 2, failed: 2, errored: 0, skipped: 0 });
    expect(row.files).to.deep.equal([{ file: "mini.json", counts: row.counts }]);
    expect(row.unsuccessful.map((u) => `${u.group} / ${u.test}`)).to.deep.equal(["integers / a string", "short strings / abc"]);
    expect(r.stderr).to.include("2 test(s) failed or errored that no known-failures list names");
    expect(r.stdout).to.include("Compliance (draft-07)").and.include("lenient: 2 passed, 2 failed, 0 errored, 0 skipped of 4");
    expect(reportValidator()(r.report), JSON.stringify(reportValidator().errors)).to.equal(true);
  });

  it("exits 0 when the known-failures list names every failure (by test, or a whole group), and names stale entries", async () => {
    const spec = mini.adapter("lenient2.mjs", MINI_ADAPTERS.lenient("lenient2"));
    const known = mini.knownFailures("lenient2", [
      { dialect: "draft-07", file: "mini.json", group: "integers", test: "a string", reason: "accepts everything" },
      { dialect: "draft-07", file: "mini.json", group: "short strings", reason: "accepts everything" },
      { dialect: "draft-07", file: "mini.json", group: "integers", test: "one", reason: "stale: it passes" },
      { dialect: "2020-12", file: "mini.json", group: "integers", test: "one", reason: "another dialect: not stale here" },
    ]);
    const r = await suite(spec, known);
    expect(r.status, r.stderr).to.equal(0);
    const row = r.report.compliance!.adapters[0]!;
    expect(row.unsuccessful.map((u) => u.known)).to.deep.equal(["accepts everything", "accepts everything"]);
    expect(row.stale.map((k) => k.test)).to.deep.equal(["one"]);
    expect(r.stderr).to.include("lenient2: 1 known-failures entry passes now");
  });

  it("counts a schema an adapter claiming the dialect cannot compile as errored, and exits 1: it must not look clean", async () => {
    const r = await suite(mini.adapter("nothing.mjs", MINI_ADAPTERS.compilesNothing("nothing")), NOT_A_FOLDER);
    expect(r.status, r.stderr).to.equal(1);
    expect(r.report.compliance!.adapters[0]!.counts).to.deep.equal({ passed: 0, failed: 0, errored: 4, skipped: 0 });
    expect(r.stderr).to.include("nothing ran none of the 4 tests (4 errored, 0 skipped)");
  });

  it("counts tests of a dialect the adapter does not claim as skipped, and exits 4", async () => {
    const r = await suite(mini.adapter("unclaimed.mjs", MINI_ADAPTERS.claimsNothing("unclaimed")), NOT_A_FOLDER);
    expect(r.status, r.stderr).to.equal(4);
    expect(r.report.compliance!.adapters[0]!.counts).to.deep.equal({ passed: 0, failed: 0, errored: 0, skipped: 4 });
  });

  it("renders the table in JUnit (a testcase per unsuccessful test), Markdown and an HTML matrix with drill-down", async () => {
    const out = (ext: string) => path.join(mini.dir, `table.${ext}`);
    const r = await suite(mini.adapter("lenient3.mjs", MINI_ADAPTERS.lenient("lenient3")), NOT_A_FOLDER, "--report", `junit:${out("xml")}`, "--report", `md:${out("md")}`, "--report", `html:${out("html")}`);
    expect(r.status, r.stderr).to.equal(1);
    const junit = parseXml(fs.readFileSync(out("xml"), "utf8"));
    expect(junit.attributes).to.include({ tests: "3", failures: "2", errors: "0" });
    expect(fs.readFileSync(out("md"), "utf8")).to.include("## Compliance (draft-07)").and.include("| mini.json | 2/4 |");
    const html = fs.readFileSync(out("html"), "utf8");
    expect(html).to.match(/<td class="cell-fail"><details><summary>2\/4<\/summary><ul><li><b>failed<\/b>: integers \/ a string/);
  });

  it("refuses a malformed known-failures list with one line naming the entry (exit 2)", async () => {
    const known = mini.knownFailures("lenient4", [{ dialect: "draft-07", file: "mini.json", reason: "no group" }]);
    const r = await runConform(["suite", "--suite", mini.suite, "--dialect", "draft-07", "--adapter", mini.adapter("lenient4.mjs", MINI_ADAPTERS.lenient("lenient4")), "--known-failures", known], { timeoutMs: 60_000 });
    expect(r.status).to.equal(2);
    expect(r.stderr.trim()).to.match(/^conform: .*lenient4\.json#\/failures\/0\/group: expected a string$/);
  });
});
