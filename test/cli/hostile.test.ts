import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runConform } from "./run-conform.js";

/** Hostile schemas a user's folder may hold: each run ends by itself, within its bound, with no stack trace. */
describe("hostile schemas (the real binary)", function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-hostile-"));
  const write = (name: string, schema: unknown): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(schema));
    return file;
  };
  const noStackTrace = (stderr: string) => expect(stderr).not.to.match(/^\s+at /m);

  it("a catastrophic pattern (^(a+)+$) is fuzzed and judged, not hung on", async () => {
    const file = write("redos.json", { type: "object", properties: { s: { type: "string", pattern: "^(a+)+$" } }, required: ["s"] });
    const r = await runConform(["fuzz", file, "--runs", "40", "--seed", "3", "--timeout", "2000", "--adapter", "ajv"], { timeoutMs: 90_000 });
    expect([0, 1], r.stderr).to.include(r.status);
    expect(r.stdout).to.match(/redos\.json/);
    noStackTrace(r.stderr);
  });

  it("replaying a case whose instance makes the pattern backtrack for minutes ends within its time limits", async () => {
    const corpus = path.join(dir, "corpus");
    fs.mkdirSync(corpus);
    const c = {
      description: "catastrophic backtracking",
      schema: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "string", pattern: "^(a+)+$" },
      tests: [{ description: "forty a's and a b", data: "a".repeat(40) + "b", valid: false }],
      found: { adapter: "ajv", kind: "false-accept", keyword: "pattern", seed: 1 },
    };
    fs.writeFileSync(path.join(corpus, "redos.json"), JSON.stringify(c));
    const r = await runConform(["replay", "--corpus", corpus, "--timeout", "1000"], { timeoutMs: 90_000 });
    expect([0, 1, 4], r.stderr).to.include(r.status);
    noStackTrace(r.stderr);
  });

  it("an enum of 100,000 values is sampled", async () => {
    const file = write("enum.json", { enum: Array.from({ length: 100_000 }, (_, i) => `v${i}`) });
    const r = await runConform(["sample", file, "-n", "3", "--seed", "1"], { timeoutMs: 60_000 });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout.trim().split("\n")).to.have.length(3);
    for (const line of r.stdout.trim().split("\n")) expect(JSON.parse(line)).to.match(/^v\d+$/);
  });

  it("a schema nested 400 levels is fuzzed with no oracle disagreement", async () => {
    let s: unknown = { type: "integer" };
    for (let i = 0; i < 400; i++) s = { type: "object", properties: { a: s }, required: ["a"] };
    const file = write("deep400.json", s);
    const report = path.join(dir, "deep400.report.json");
    const r = await runConform(["fuzz", file, "--runs", "10", "--seed", "1", "--report", `json:${report}`], { timeoutMs: 90_000 });
    expect(r.status, r.stderr).to.equal(0);
    const json = JSON.parse(fs.readFileSync(report, "utf8")) as { targets: Array<{ status: string }>; findings: unknown[] };
    expect(json.targets.map((t) => t.status)).to.deep.equal(["ok"]);
    expect(json.findings).to.deep.equal([]);
  });
});
