import { expect } from "chai";
import path from "node:path";
import { fuzz, InputError } from "../../src/index.js";
import { conformanceSuite } from "../../src/mocha.js";
import { EXAMPLES, REPO_ROOT } from "../helpers/paths.js";

describe("library API: fuzz()", function () {
  this.timeout(120_000);

  it("returns the report of a campaign; the same seed gives the same payload counts and findings", async () => {
    const a = await fuzz({ schemas: [path.join(EXAMPLES, "file-tree.json")], runs: 30, seed: 9 });
    const b = await fuzz({ schemas: [path.join(EXAMPLES, "file-tree.json")], runs: 30, seed: 9 });
    expect(a.findings).to.deep.equal([]);
    expect(a.totals.payloads).to.equal(b.totals.payloads).and.be.greaterThan(0);
    expect(a.adapters.map((x) => x.name)).to.deep.equal(["ajv"]);
  });

  it("finds a planted bug in a module adapter", async () => {
    const adapter = `module:${path.join(REPO_ROOT, "test/fixtures/adapters/ascii-only.mjs")}`;
    const report = await fuzz({ schemas: [path.join(EXAMPLES, "order.json")], adapters: [adapter], runs: 100, seed: 5 });
    expect(report.findings.map((f) => f.kind)).to.include("false-reject");
  });

  it("rejects bad input with InputError", async () => {
    let caught: unknown;
    try {
      await fuzz({ schemas: ["/no/such/schema.json"] });
    } catch (e) {
      caught = e;
    }
    expect(caught).to.be.instanceOf(InputError);
  });
});

// The mocha helper, as a team would use it: one test per target of the examples, against ajv.
conformanceSuite({
  title: "mocha helper: two example schemas against ajv",
  schemas: [path.join(EXAMPLES, "file-tree.json"), path.join(EXAMPLES, "AccountUpdatedNotification.json")],
  runs: 30,
  seed: 2,
});

describe("mocha helper: a disagreeing adapter fails its target's test", function () {
  this.timeout(120_000);
  it("the child mocha run fails with the finding in its message", async () => {
    const { spawnSync } = await import("node:child_process");
    const mochaBin = path.join(REPO_ROOT, "node_modules/mocha/bin/mocha.js");
    const r = spawnSync(process.execPath, [mochaBin, "--no-config", path.join(REPO_ROOT, "test/fixtures/mocha/planted.spec.mjs")], { encoding: "utf8" });
    expect(r.status).to.equal(1);
    expect(r.stdout + r.stderr).to.match(/1 failing/).and.match(/false-reject by ascii-only/);
  });
});
