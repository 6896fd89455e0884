import { expect } from "chai";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BIN, REPO_ROOT } from "../helpers/paths.js";
import { PETS } from "./pets.js";

function conform(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("--keyword and --format on the command line", function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-modules-"));
  const pets = path.join(dir, "pets.json");
  const levels = path.join(dir, "levels.json");
  before(() => {
    fs.writeFileSync(pets, JSON.stringify(PETS));
    fs.writeFileSync(levels, JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", properties: { level: { type: "integer", format: "uint8" } }, required: ["level"] }));
  });

  it("sample: a keyword module's values are generated and broken only when the module is given", function () {
    const evens = path.join(dir, "evens.json");
    fs.writeFileSync(evens, JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "integer", even: true, minimum: 0, maximum: 100 }));
    const module = ["--keyword", "module:test/fixtures/keywords/even.mjs"];
    const valid = conform("sample", evens, "-n", "30", "--seed", "2", ...module);
    expect(valid.status, valid.stderr).to.equal(0);
    expect(valid.stdout.trim().split("\n").map(Number).every((n) => n % 2 === 0)).to.equal(true);
    const keywords = (out: string) => out.trim().split("\n").map((l) => (JSON.parse(l) as { keyword: string }).keyword);
    expect(keywords(conform("sample", evens, "--invalid", "-n", "40", "--seed", "2", ...module).stdout)).to.include("even");
    expect(keywords(conform("sample", evens, "--invalid", "-n", "40", "--seed", "2").stdout)).to.not.include("even");
    const pets = conform("sample", path.join(dir, "pets.json"), "-n", "20", "--seed", "2", "--keyword", "module:examples/keywords/discriminator.ts");
    expect(pets.status, pets.stderr).to.equal(0);
    expect(pets.stdout.trim().split("\n").every((l) => ["cat", "dog"].includes((JSON.parse(l) as { petType: string }).petType))).to.equal(true);
  });

  it("fuzz with a format module: a validator that does not know uint8 accepts what a Rust u8 cannot hold", function () {
    const report = path.join(dir, "levels.report.json");
    const r = conform("fuzz", levels, "--format", "uint8=module:examples/formats/rust-integers.ts", "--adapter", "ajv", "--runs", "60", "--seed", "1", "--report", `json:${report}`);
    expect(r.status, r.stderr).to.be.oneOf([0, 1]);
    const findings = (JSON.parse(fs.readFileSync(report, "utf8")) as { findings: Array<{ kind: string; keyword: string; instance: { level: number } }> }).findings;
    expect(findings.length).to.be.greaterThan(0);
    for (const f of findings) {
      expect(f.keyword).to.equal("format");
      expect(f.instance.level < 0 || f.instance.level > 255 || !Number.isInteger(f.instance.level), JSON.stringify(f.instance)).to.equal(true);
    }
  });

  it("a module that cannot be loaded is one line naming it, exit 2, no stack trace", function () {
    for (const args of [["--keyword", "module:nowhere.ts"], ["--format", "uint9=module:examples/formats/rust-integers.ts"], ["--keyword", "nowhere.ts"]]) {
      const r = conform("fuzz", pets, ...args);
      expect(r.status, args.join(" ")).to.equal(2);
      expect(r.stderr.trim().split("\n")).to.have.length(1);
      expect(r.stderr).to.match(/^conform: .*(nowhere\.ts|uint9)/);
      expect(r.stderr).to.not.match(/\n\s+at /);
    }
  });
});
