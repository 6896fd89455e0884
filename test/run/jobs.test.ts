import { expect } from "chai";
import path from "node:path";
import { fuzz } from "../../src/index.js";
import type { RunReport } from "../../src/model/report.js";
import { EXAMPLES, REPO_ROOT } from "../helpers/paths.js";
import { testSeeds, withSeed } from "../helpers/seeds.js";

/** What must not depend on --jobs: every target's outcome and every finding, in order (times aside). */
function outcomeOf(report: RunReport): string {
  return JSON.stringify({ targets: report.targets.map((t) => ({ ...t, timeMs: 0 })), findings: report.findings, adapters: report.adapters, totals: { ...report.totals, timeMs: 0 } });
}

describe("--jobs: targets spread over worker threads", function () {
  this.timeout(300_000);
  const schemas = [EXAMPLES, path.join(REPO_ROOT, "test/fixtures/schemas/contact.json")];
  const adapters = ["ajv", `module:${path.join(REPO_ROOT, "test/fixtures/adapters/ascii-only.mjs")}`];

  it("the same seed gives the same targets, payloads and findings with 1, 2 and 3 jobs", async () => {
    for (const seed of testSeeds([5])) {
      await withSeed(seed, async () => {
        const one = await fuzz({ schemas, adapters, seed, runs: 30, jobs: 1 });
        expect(one.findings.length, "the planted bug is found").to.be.greaterThan(0);
        for (const jobs of [2, 3]) expect(outcomeOf(await fuzz({ schemas, adapters, seed, runs: 30, jobs })), `--jobs ${jobs}`).to.equal(outcomeOf(one));
      });
    }
  });
});
