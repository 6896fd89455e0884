import { expect } from "chai";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./paths.js";

describe("tests without ../shared (test/helpers/paths.ts and the reporter)", function () {
  this.timeout(60_000);

  it("skips what needs missing shared data, says why once per missing path, and counts the skips", function () {
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), "conform-shared-"));
    fs.mkdirSync(path.join(shared, "present"));
    const mocha = path.join(REPO_ROOT, "node_modules/mocha/bin/mocha.js");
    const spec = path.join(REPO_ROOT, "test/fixtures/mocha/needs-shared.spec.mjs");
    const reporter = path.join(REPO_ROOT, "test/support/reporter.cjs");
    const r = spawnSync(process.execPath, [mocha, "--no-config", "--reporter", reporter, spec], { encoding: "utf8", env: { ...process.env, CONFORM_SHARED: shared } });
    expect(r.status, r.stderr).to.equal(0);
    const lines = r.stdout.split("\n").filter((l) => /^skipped|^\d+ passed/.test(l));
    const tail = "; CI has it — place the shared folder beside the repository to run it";
    expect(lines).to.deep.equal([
      `skipped: a block that needs it needs ../shared/missing (data that is not there)${tail}`,
      `skipped in part: single tests runs its local part needs ../shared/other (more data that is not there)${tail}`,
      "2 passed, 0 failed, 3 skipped",
    ]);
  });
});
