import { expect } from "chai";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXAMPLES, REPO_ROOT } from "../helpers/paths.js";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(NPM, [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", timeout: 240_000 });
}

/**
 * What a user does: `npm pack`, a global install of the tarball in a clean folder, `conform fuzz`
 * with the oracle alone; `--adapter cfworker` says what to install, and runs once the user has
 * installed the optional peer beside the global conform.
 */
describe("packaging: npm pack, a global install, an optional peer", function () {
  this.timeout(480_000);
  let dir: string;
  before(function () {
    if (npm(["ping"], os.tmpdir()).status !== 0) {
      process.stdout.write("    skipped: npm cannot reach the registry (npm ping failed), so the global install cannot fetch dependencies\n");
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-pack-"));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("installs globally with ajv alone, runs conform fuzz, names the install command of a missing peer, then runs it", () => {
    const packed = npm(["pack", "--pack-destination", dir, "--ignore-scripts", REPO_ROOT], dir);
    expect(packed.status, packed.stderr).to.equal(0);
    const tarball = path.join(dir, packed.stdout.trim().split("\n").pop()!);
    const prefix = path.join(dir, "global");
    const installed = npm(["install", "-g", "--prefix", prefix, tarball], dir);
    expect(installed.status, installed.stderr).to.equal(0);
    const modules = path.join(prefix, process.platform === "win32" ? "node_modules" : "lib/node_modules");
    expect(fs.readdirSync(modules).sort()).to.deep.equal(["schema-conform"]);
    expect(fs.existsSync(path.join(modules, "schema-conform/node_modules/tsx"))).to.equal(false);
    const work = path.join(dir, "clean");
    fs.mkdirSync(work);
    fs.copyFileSync(path.join(EXAMPLES, "order.json"), path.join(work, "order.json"));
    const conform = (...args: string[]) => spawnSync(process.execPath, [path.join(modules, "schema-conform/bin/conform.js"), ...args], { cwd: work, encoding: "utf8", timeout: 120_000 });

    const alone = conform("fuzz", "order.json", "--runs", "20", "--seed", "1");
    // Stock ajv has findings of its own on some seeds (a multipleOf of 1e21): 1 is a finished run too.
    expect(alone.status, alone.stderr).to.be.oneOf([0, 1]);
    expect(alone.stdout).to.include("Adapters: ajv 8.");
    const missing = conform("fuzz", "order.json", "--runs", "20", "--seed", "1", "--adapter", "cfworker");
    expect(missing.status).to.equal(2);
    expect(missing.stderr.trim()).to.equal('conform: adapter "cfworker" needs @cfworker/json-schema: npm install -g @cfworker/json-schema');

    const peer = npm(["install", "-g", "--prefix", prefix, "@cfworker/json-schema"], work);
    expect(peer.status, peer.stderr).to.equal(0);
    const withPeer = conform("fuzz", "order.json", "--runs", "20", "--seed", "1", "--adapter", "cfworker");
    expect(withPeer.status, withPeer.stderr).to.equal(0);
    expect(withPeer.stdout).to.include("20 payloads");
    expect(conform("adapters").stdout).to.match(/^cfworker +in-process +4\.\d+\.\d+, in range/m);
  });
});
