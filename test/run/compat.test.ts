import { expect } from "chai";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compareVersions } from "../../src/run/compat/index.js";
import type { JsonObject } from "../../src/schema/json.js";
import { BIN, EXAMPLES, REPO_ROOT } from "../helpers/paths.js";

const NEW = path.join(EXAMPLES, "AccountUpdatedNotification.json");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-compat-"));

/** The seed schema before "feat: add explicit AgentIdentity auth mode": AuthMode without its fourth branch. */
function oldAccount(): string {
  const schema = JSON.parse(fs.readFileSync(NEW, "utf8")) as { definitions: { AuthMode: { oneOf: unknown[] } } };
  schema.definitions.AuthMode.oneOf = schema.definitions.AuthMode.oneOf.slice(0, 3);
  const file = path.join(dir, "AccountUpdatedNotification.old.json");
  fs.writeFileSync(file, JSON.stringify(schema));
  return file;
}

function write(name: string, schema: JsonObject): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", ...schema }));
  return file;
}

describe("conform compat: two versions of a schema, both ways", function () {
  this.timeout(60_000);
  const OLD = oldAccount();

  for (const seed of [1, 2, 3, 4]) {
    it(`the seed commit (seed ${seed}): readers break on {"authMode":"agentIdentity"}, the new AuthMode branch named; writers do not`, async function () {
      const report = await compareVersions({ old: OLD, new: NEW, seed, runs: 200, defaultDialect: "draft-07" });
      const witnesses = report.targets.flatMap((t) => t.witnesses);
      expect(witnesses.map((w) => w.direction)).to.deep.equal(["readers"]);
      expect(witnesses[0]!.instance).to.deep.equal({ authMode: "agentIdentity" });
      expect(witnesses[0]!.changes.map((c) => [c.change, c.pointer])).to.deep.equal([["added", "/definitions/AuthMode/oneOf/3"]]);
      expect(witnesses[0]!.rejectedBy.map((r) => r.schemaPath)).to.include("/definitions/AuthMode/oneOf");
      expect(report.targets[0]!.drawn.old).to.equal(200);
    });
  }

  it("swapped, the same change breaks writers", async function () {
    const report = await compareVersions({ old: NEW, new: OLD, seed: 5, runs: 200 });
    const witnesses = report.targets.flatMap((t) => t.witnesses);
    expect(witnesses.map((w) => [w.direction, w.instance])).to.deep.equal([["writers", { authMode: "agentIdentity" }]]);
  });

  it("a property made required breaks writers; an enum value removed breaks writers; one added breaks readers", async function () {
    const base = { type: "object", properties: { id: { type: "integer" }, role: { enum: ["admin", "member", "guest"] } }, required: ["id"] };
    const v1 = write("v1.json", base);
    const required = write("v2-required.json", { ...base, required: ["id", "role"] });
    const fewer = write("v2-fewer.json", { ...base, properties: { ...base.properties, role: { enum: ["admin", "member"] } } });
    const more = write("v2-more.json", { ...base, properties: { ...base.properties, role: { enum: ["admin", "member", "guest", "owner"] } } });
    const directions = async (next: string) => (await compareVersions({ old: v1, new: next, seed: 7, runs: 300 })).targets.flatMap((t) => t.witnesses);
    const req = await directions(required);
    expect(req.map((w) => w.direction)).to.deep.equal(["writers"]);
    expect(req[0]!.instance).to.deep.equal({ id: 0 });
    expect(req[0]!.changes.map((c) => c.pointer)).to.deep.equal(["/required/1"]);
    const removed = await directions(fewer);
    expect(removed.map((w) => [w.direction, w.instance])).to.deep.equal([["writers", { id: 0, role: "guest" }]]);
    const added = await directions(more);
    expect(added.map((w) => [w.direction, w.instance])).to.deep.equal([["readers", { id: 0, role: "owner" }]]);
  });

  it("identical versions: nothing found, and the report says how much was sampled rather than claiming compatibility", async function () {
    const report = await compareVersions({ old: NEW, new: NEW, seed: 1, runs: 150 });
    expect(report.targets.flatMap((t) => t.witnesses)).to.deep.equal([]);
    expect(report.targets[0]!.drawn).to.deep.equal({ old: 150, new: 150 });
  });

  it("the CLI: --forbid sets the exit status; the JSON report holds the witness", function () {
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, "compat", OLD, NEW, "--seed", "1", ...args], { cwd: REPO_ROOT, encoding: "utf8" });
    const out = path.join(dir, "compat.json");
    const both = run("--report", `json:${out}`);
    expect(both.status, both.stderr).to.equal(1);
    expect(both.stdout).to.include('witness: {"authMode":"agentIdentity"}');
    expect(both.stdout).to.include("change: added /definitions/AuthMode/oneOf/3");
    expect(both.stdout).to.match(/writers: no difference found in 200 payloads of the old version \(sampled, not proven\)/);
    expect(JSON.parse(fs.readFileSync(out, "utf8")).targets[0].witnesses[0].direction).to.equal("readers");
    expect(run("--forbid", "writers").status).to.equal(0);
    expect(run("--forbid", "readers").status).to.equal(1);
    expect(run("--forbid", "none").status).to.equal(0);
    const missing = run("--report", "html:x");
    expect(missing.status).to.equal(2);
  });
});
