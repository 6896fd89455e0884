import { expect } from "chai";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runConform } from "../cli/run-conform.js";

describe("conform fuzz --random-schemas", function () {
  this.timeout(180_000);
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "conform-random-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("fuzzes N random schemas with a seed that replays the same schemas, and writes the distinct bugs", async () => {
    const args = ["fuzz", "--random-schemas", "6", "--dialect", "2020-12", "--runs", "4", "--seed", "3", "--adapter", "ajv", "--out", dir];
    const r = await runConform(args, { timeoutMs: 150_000 });
    expect(r.status, r.stderr).to.be.oneOf([0, 1]);
    const bugs = JSON.parse(await readFile(join(dir, "bugs.json"), "utf8")) as { seed: number; generated: number; bugs: unknown[] };
    expect(bugs.seed).to.equal(3);
    expect(bugs.generated).to.equal(6);
    expect(r.stdout).to.match(/random schemas: 6 generated, \d+ fuzzed/);
    expect(existsSync(join(dir, "bugs.md"))).to.equal(true);
  });

  it("takes no schema files (exit 2, one line)", async () => {
    const r = await runConform(["fuzz", "schema/examples/order.json", "--random-schemas"], { timeoutMs: 30_000 });
    expect(r.status).to.equal(2);
    expect(r.stderr.trim()).to.match(/^conform: .*--random-schemas makes its own schemas/);
  });

  it("stops cleanly on Ctrl-C and still writes what it found", async () => {
    const args = ["fuzz", "--random-schemas", "400", "--dialect", "draft-07", "--runs", "10", "--seed", "1", "--adapter", "ajv", "--out", dir];
    const r = await runConform(args, { timeoutMs: 150_000, signal: { name: "SIGINT", when: () => true, afterMs: 4000 } });
    expect(r.status, r.stderr).to.equal(130);
    expect(existsSync(join(dir, "bugs.json"))).to.equal(true);
  });
});
