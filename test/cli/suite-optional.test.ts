import { expect } from "chai";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BIN, needsShared, REPO_ROOT, SHARED_SUITE, SUITE } from "../helpers/paths.js";

interface Report {
  totals: { payloads: number };
  targets: Array<{ target: { file: string } }>;
}

function suiteRun(...args: string[]): { status: number | null; report: Report; stderr: string } {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "conform-optional-")), "report.json");
  const r = spawnSync(process.execPath, [BIN, "suite", "--suite", SUITE, "--dialect", "draft7", "--adapter", "ajv", "--report", `json:${out}`, ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stderr: r.stderr, report: JSON.parse(fs.readFileSync(out, "utf8")) as Report };
}

describe("conform suite --optional, --optional-format", function () {
  this.timeout(240_000);

  it("adds the dialect's optional/ tests, then optional/format/, each run completing (cross-draft refs are not bad input)", function () {
    needsShared(this, SHARED_SUITE);
    const required = suiteRun();
    const optional = suiteRun("--optional");
    const formats = suiteRun("--optional", "--optional-format", "--formats", "assert");
    for (const r of [required, optional, formats]) expect(r.status, r.stderr).to.be.oneOf([0, 1]);
    const files = (r: { report: Report }) => new Set(r.report.targets.map((t) => path.relative(path.join(SUITE, "tests", "draft7"), t.target.file)));
    expect([...files(required)].some((f) => f.startsWith("optional"))).to.equal(false);
    expect([...files(optional)]).to.include.members(["optional/bignum.json", "optional/cross-draft.json"]);
    expect([...files(optional)].some((f) => f.startsWith("optional/format/"))).to.equal(false);
    expect([...files(formats)]).to.include.members(["optional/format/date-time.json", "optional/format/ipv4.json"]);
    expect(optional.report.totals.payloads).to.be.greaterThan(required.report.totals.payloads);
    expect(formats.report.totals.payloads).to.be.greaterThan(optional.report.totals.payloads);
  });
});
