import { expect } from "chai";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BIN, REPO_ROOT } from "../helpers/paths.js";

function conform(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("conform replay starts again the adapters that found the cases", function () {
  this.timeout(120_000);

  it("an exec: harness (its name holds spaces) is replayed without --adapter, and its bug reproduces", function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-replay-exec-"));
    const schema = path.join(dir, "name.json");
    fs.writeFileSync(schema, JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", properties: { name: { type: "string", minLength: 4, maxLength: 20 } }, required: ["name"] }));
    const harness = `exec:node ${path.join(REPO_ROOT, "test/fixtures/harness/long-strings-invalid.mjs")}`;
    const corpus = path.join(dir, "corpus");
    const found = conform("fuzz", schema, "--adapter", harness, "--corpus", corpus, "--runs", "30", "--seed", "1");
    expect(found.status, found.stderr).to.equal(1);
    const report = path.join(dir, "replay.json");
    const again = conform("replay", "--corpus", corpus, "--report", `json:${report}`);
    expect(again.status, again.stdout + again.stderr).to.equal(1);
    expect(again.stdout).to.include(`Adapters: ${harness}`);
    const findings = (JSON.parse(fs.readFileSync(report, "utf8")) as { findings: Array<{ kind: string; adapter: string }> }).findings;
    expect(findings.map((f) => [f.kind, f.adapter])).to.deep.include(["false-reject", harness]);
  });

  it("a case found by a module adapter's own name is named on stderr, not dropped in silence", function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-replay-module-"));
    const corpus = path.join(dir, "corpus");
    fs.mkdirSync(corpus);
    const kase = {
      description: "a case found by a module adapter",
      schema: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "string" },
      dialect: "2020-12",
      tests: [{ description: "shrunk", data: "a", valid: true }],
      found: { adapter: "user-parser", kind: "false-reject", keyword: null, seed: 1, schemaPath: null, instancePath: null, path: "0" },
    };
    fs.writeFileSync(path.join(corpus, "case.json"), JSON.stringify(kase));
    const r = conform("replay", "--corpus", corpus);
    expect(r.stderr).to.match(/1 case\(s\) found by adapter "user-parser" are not replayed: name it with --adapter module:PATH/);
  });
});
