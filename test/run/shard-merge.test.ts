import { expect } from "chai";
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { mergeReports } from "../../src/run/merge-reports.js";
import { expectedCost, parseShard, targetsOfShard } from "../../src/run/shard.js";
import type { Target } from "../../src/schema/target.js";
import { BIN, EXAMPLES, REPO_ROOT } from "../helpers/paths.js";

function fakeTarget(id: string, size: number): Target {
  return { id, file: id, pointer: "", documentUri: id, uri: id, dialect: "2020-12", schema: { description: "x".repeat(size) }, registry: undefined as never };
}

describe("shards and merge", function () {
  this.timeout(240_000);

  it("shards partition the targets (each once), the same way every time, balanced by cost within one target's cost (property)", function () {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50_000 }), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (sizes, n) => {
        const targets = sizes.map((s, i) => fakeTarget(`t${i}`, s));
        const shards = Array.from({ length: n }, (_, i) => targetsOfShard(targets, { index: i + 1, count: n }));
        expect(shards.flat().map((t) => t.id).sort()).to.deep.equal(targets.map((t) => t.id).sort());
        expect(shards.map((s) => s.map((t) => t.id))).to.deep.equal(Array.from({ length: n }, (_, i) => targetsOfShard([...targets].reverse(), { index: i + 1, count: n }).map((t) => t.id)).map((ids) => [...ids].sort((a, b) => targets.findIndex((t) => t.id === a) - targets.findIndex((t) => t.id === b))));
        const loads = shards.map((s) => s.reduce((sum, t) => sum + expectedCost(t), 0));
        const biggest = Math.max(0, ...targets.map(expectedCost));
        expect(Math.max(...loads) - Math.min(...loads)).to.be.at.most(biggest);
      }),
      { numRuns: 200 },
    );
    expect(parseShard("2/4")).to.deep.equal({ index: 2, count: 4 });
    for (const bad of ["0/4", "5/4", "1/0", "a/b", "2"]) expect(parseShard(bad), bad).to.equal(undefined);
  });

  it("fuzz --shard 1/3 … 3/3, then merge: the same targets, payloads and findings as one run, and the same exit status", function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-shards-"));
    const adapter = `module:${path.join(REPO_ROOT, "test/fixtures/adapters/ascii-only.mjs")}`;
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: "utf8" });
    const common = [EXAMPLES, "--adapter", adapter, "--runs", "40", "--seed", "5"];
    const whole = run("fuzz", ...common, "--report", `json:${path.join(dir, "whole.json")}`);
    const shards = [1, 2, 3].map((i) => run("fuzz", ...common, "--shard", `${i}/3`, "--report", `json:${path.join(dir, `shard${i}.json`)}`));
    for (const s of shards) expect(s.status, s.stderr).to.be.oneOf([0, 1]);
    const merged = run("merge", ...[1, 2, 3].map((i) => path.join(dir, `shard${i}.json`)), "--report", `json:${path.join(dir, "merged.json")}`, "--report", `md:${path.join(dir, "merged.md")}`);
    expect(merged.status, merged.stderr).to.equal(whole.status);
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
    const a = read("whole.json");
    const m = read("merged.json");
    const targetKey = (t: { target: { file: string; pointer: string }; payloads: unknown; status: string }) => JSON.stringify([t.target.file, t.target.pointer, t.payloads, t.status]);
    expect(m.targets.map(targetKey).sort()).to.deep.equal(a.targets.map(targetKey).sort());
    const findingKey = (f: { kind: string; adapter: string; target: { file: string }; instance: unknown }) => JSON.stringify([f.kind, f.adapter, f.target.file, f.instance]);
    expect(m.findings.map(findingKey).sort()).to.deep.equal(a.findings.map(findingKey).sort());
    expect(a.findings.length).to.be.greaterThan(0);
    expect(m.totals.payloads).to.equal(a.totals.payloads);
    expect(fs.readFileSync(path.join(dir, "merged.md"), "utf8")).to.include("ascii-only");
  });

  it("reports of different runs are not merged: one line, exit 2", function () {
    const base = { tool: { name: "schema-conform", version: "0" }, startedAt: "2026-01-01", command: "fuzz", runs: 10, formatPolicy: "assert", adapters: [], targets: [], findings: [], totals: { targets: 0, payloads: 0, findings: 0, byKind: {}, timeMs: 0 } };
    expect(() => mergeReports([{ ...base, seed: 1 }, { ...base, seed: 2 }] as never)).to.throw(/their seed differs \(1, 2\)/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-merge-bad-"));
    fs.writeFileSync(path.join(dir, "a.json"), JSON.stringify({ ...base, seed: 1 }));
    fs.writeFileSync(path.join(dir, "b.json"), JSON.stringify({ ...base, seed: 2 }));
    fs.writeFileSync(path.join(dir, "c.json"), "{}");
    for (const files of [["a.json", "b.json"], ["a.json", "c.json"]]) {
      const r = spawnSync(process.execPath, [BIN, "merge", ...files.map((f) => path.join(dir, f))], { cwd: REPO_ROOT, encoding: "utf8" });
      expect(r.status).to.equal(2);
      expect(r.stderr.trim().split("\n")).to.have.length(1);
    }
  });
});
