import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { BIN, REPO_ROOT } from "../helpers/paths.js";
import { processGone, runConform, type Finished } from "./run-conform.js";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "conform-life-"));
const CONTACT = path.join(REPO_ROOT, "test/fixtures/schemas/contact.json");
const HARNESS = path.join(REPO_ROOT, "test/fixtures/harness");
const ADAPTERS = path.join(REPO_ROOT, "test/fixtures/adapters");

/** `{"type":"object","properties":{"a":…},"required":["a"]}` nested `levels` deep around `leaf`, written without recursion. */
function nestedSchema(levels: number, leaf: string): string {
  const open = '{"type":"object","required":["a"],"properties":{"a":';
  return open.repeat(levels) + leaf + "}}".repeat(levels);
}

/** A draft-07 bundle whose definitions form one $ref ring: dN.n → d(N+1 mod size). */
function refRing(size: number): string {
  const definitions: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) definitions[`d${i}`] = { type: "object", properties: { n: { $ref: `#/definitions/d${(i + 1) % size}` } } };
  return JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", $ref: "#/definitions/d0", definitions });
}

/** A draft-07 bundle of `size` small definitions, each its own target with --definitions. */
function smallBundle(size: number): string {
  const definitions: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) definitions[`t${i}`] = { type: "object", required: ["name"], properties: { name: { type: "string" }, n: { type: "boolean" } } };
  return JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", definitions });
}

function readReport(file: string): { interrupted?: boolean; targets: Array<{ status: string; message?: string; skippedBy?: unknown[] }>; findings: Array<{ kind: string; message?: string }> } {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

const noStackTrace = (r: Finished) => expect(r.stderr, r.stderr).not.to.match(/^\s+at /m);

describe("conform's process lifecycle (the real binary)", function () {
  this.timeout(60_000);

  describe("deep schemas", () => {
    it("a schema nested 3,000 levels deep (the default stack overflowed near 700) is judged or refused in one line, never a crash", async () => {
      const dir = tmp();
      const file = path.join(dir, "deep.json");
      fs.writeFileSync(file, nestedSchema(3000, "false"));
      const report = path.join(dir, "r.json");
      const r = await runConform(["fuzz", file, "--runs", "4", "--seed", "1", "--report", `json:${report}`], { timeoutMs: 45_000 });
      noStackTrace(r);
      expect(r.stderr).not.to.contain("internal error");
      // Judged: nothing can be valid (the innermost schema is false), so the target is unsatisfiable
      // and not tested (4). A nesting limit on input, if any, makes it bad input instead (2).
      expect(r.status, r.stderr).to.be.oneOf([2, 4]);
      if (r.status === 4) expect(readReport(report).targets.map((t) => t.status)).to.deep.equal(["unsatisfiable"]);
    });

    it("a draft-07 bundle whose 1,000 definitions form one $ref ring is fuzzed, not a crash", async () => {
      const dir = tmp();
      const file = path.join(dir, "ring.json");
      fs.writeFileSync(file, refRing(1000));
      const report = path.join(dir, "r.json");
      const r = await runConform(["fuzz", file, "--runs", "6", "--seed", "1", "--report", `json:${report}`], { timeoutMs: 45_000 });
      noStackTrace(r);
      expect(r.status, r.stderr).to.equal(0);
      expect(readReport(report).targets.map((t) => t.status)).to.deep.equal(["ok"]);
    });
  });

  describe("signals", () => {
    for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      it(`${signal} mid-run: exit ${status}, summary printed, report marked interrupted, no harness process left`, async () => {
        const dir = tmp();
        const bundle = path.join(dir, "bundle.json");
        fs.writeFileSync(bundle, smallBundle(40));
        const pids = path.join(dir, "pids.txt");
        const report = path.join(dir, "r.json");
        const harness = `exec:node ${path.join(HARNESS, "slow.mjs")} ${pids}`;
        const args = ["fuzz", bundle, "--definitions", "--runs", "2", "--seed", "1", "--adapter", harness, "--report", `json:${report}`, "--corpus", path.join(dir, "corpus")];
        const r = await runConform(args, { timeoutMs: 30_000, env: { SLOW_MS: "300" }, signal: { name: signal, when: () => fs.existsSync(pids), afterMs: 1500 } });
        expect(r.status, r.stderr).to.equal(status);
        expect(r.elapsedAfterSignalMs, "time to stop").to.be.below(6000);
        noStackTrace(r);
        expect(r.stdout).to.contain("Totals:");
        expect(r.stderr).to.contain(`interrupted by ${signal}`);
        const json = readReport(report);
        expect(json.interrupted).to.equal(true);
        expect(json.targets.length).to.be.within(1, 39);
        expect(json.targets.filter((t) => t.status === "ok").length, "targets finished before the signal").to.be.at.least(1);
        const started = fs.readFileSync(pids, "utf8").trim().split("\n").map((l) => Number(l.split(" ")[1]));
        expect(started.length).to.be.at.least(2);
        await Promise.all(started.map((pid) => processGone(pid, 2000)));
      });
    }

    it("counterexamples already shrunk are in the corpus after an interrupted run", async () => {
      const dir = tmp();
      const bundle = path.join(dir, "bundle.json");
      fs.writeFileSync(bundle, smallBundle(40));
      const pids = path.join(dir, "pids.txt");
      const corpus = path.join(dir, "corpus");
      const args = [
        "fuzz", bundle, "--definitions", "--runs", "20", "--seed", "1", "--corpus", corpus,
        "--adapter", `module:${path.join(ADAPTERS, "ascii-only.mjs")}`, "--adapter", `exec:node ${path.join(HARNESS, "slow.mjs")} ${pids}`,
      ];
      const saved = () => (fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((n) => n.endsWith(".json")) : []);
      const r = await runConform(args, { timeoutMs: 30_000, env: { SLOW_MS: "200" }, signal: { name: "SIGINT", when: () => saved().length > 0, afterMs: 0 } });
      expect(r.status, r.stderr).to.equal(130);
      expect(saved().length).to.be.at.least(1);
      for (const name of saved()) expect(JSON.parse(fs.readFileSync(path.join(corpus, name), "utf8")).found.adapter).to.equal("ascii-only");
    });
  });

  describe("adapters that will not end", () => {
    it("a run stuck in synchronous code is abandoned 8 s after SIGINT: exit 130 all the same", async () => {
      const r = await runConform(["fuzz", CONTACT, "--runs", "4", "--seed", "1", "--adapter", `module:${path.join(ADAPTERS, "sync-loop.mjs")}`], {
        timeoutMs: 30_000,
        signal: { name: "SIGINT", when: () => true, afterMs: 2000 },
      });
      expect(r.status, r.stderr).to.equal(130);
      expect(r.elapsedAfterSignalMs).to.be.within(7000, 12_000);
      expect(r.stderr).to.contain("did not stop within 8 s of SIGINT");
    });

    it("a harness that leaves a setsid daemon holding its stdout: conform still exits", async () => {
      const dir = tmp();
      const daemonPid = path.join(dir, "daemon.pid");
      const report = path.join(dir, "r.json");
      const harness = `exec:node ${path.join(HARNESS, "setsid-daemon.mjs")} ${daemonPid}`;
      try {
        const r = await runConform(["fuzz", CONTACT, "--runs", "4", "--seed", "1", "--adapter", harness, "--report", `json:${report}`], { timeoutMs: 20_000 });
        expect(r.status, r.stderr).to.equal(0);
        expect(readReport(report).targets.map((t) => t.status)).to.deep.equal(["ok"]);
      } finally {
        if (fs.existsSync(daemonPid)) process.kill(Number(fs.readFileSync(daemonPid, "utf8")), "SIGKILL");
      }
    });

    // Thrown once, outside any call: one by one no payload fails, so the fault is flaky and pinned on none.
    const throwsOutsideCalls: Array<[string, string, string]> = [
      ["a promise a module adapter rejects and never awaits", "unawaited-rejection", "lost rejection"],
      ["an error thrown from a module adapter's timer", "timer-throws", "boom from a timer"],
    ];
    for (const [what, name, error] of throwsOutsideCalls) {
      it(`${what} is that adapter's fault, not a crash`, async () => {
        const report = path.join(tmp(), "r.json");
        const r = await runConform(["fuzz", CONTACT, "--runs", "4", "--seed", "1", "--adapter", `module:${path.join(ADAPTERS, `${name}.mjs`)}`, "--report", `json:${report}`], { timeoutMs: 30_000 });
        noStackTrace(r);
        expect(r.status, r.stderr).to.equal(1);
        const faults = readReport(report).findings.filter((f) => f.kind === "adapter-error");
        expect(faults.map((f) => f.message)).to.deep.equal([`flaky: ${name}: threw outside any call (a timer or an unawaited promise): ${error} (a batch of 4 payloads failed with this; asked one by one, none did)`]);
      });
    }

    it("a module adapter whose close() never settles is abandoned after a bounded wait; the report is written", async () => {
      const dir = tmp();
      const report = path.join(dir, "r.json");
      const r = await runConform(["fuzz", CONTACT, "--runs", "4", "--seed", "1", "--adapter", `module:${path.join(ADAPTERS, "never-closes.mjs")}`, "--report", `json:${report}`], { timeoutMs: 20_000 });
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stderr).to.contain("never-closes did not close within");
      expect(readReport(report).targets).to.have.length(1);
    });

  });

  describe("exit statuses", () => {
    it("a target whose generation gives up (minLength 1000000) is an error, and the run exits 4, not 0", async () => {
      const dir = tmp();
      const file = path.join(dir, "long.json");
      fs.writeFileSync(file, '{"type":"string","minLength":1000000}');
      const r = await runConform(["fuzz", file, "--runs", "4", "--seed", "1"], { timeoutMs: 30_000 });
      expect(r.status, r.stderr).to.equal(4);
      expect(r.stderr).to.contain("1 of 1 target(s) not tested (1 error)");
    });

    it("an adapter that cannot start is recorded as a skip reason; the other adapters' results stay, exit 4", async () => {
      const dir = tmp();
      const report = path.join(dir, "r.json");
      const r = await runConform(["fuzz", CONTACT, "--runs", "4", "--seed", "1", "--adapter", "exec:/nonexistent/harness", "--adapter", "ajv", "--report", `json:${report}`], { timeoutMs: 30_000 });
      expect(r.status, r.stderr).to.equal(4);
      expect(r.stderr).to.match(/conform: adapter "exec:\/nonexistent\/harness" could not start: .*not found/);
      const json = readReport(report) as ReturnType<typeof readReport> & { adapters: Array<{ name: string; checked: number }> };
      expect(json.adapters.find((a) => a.name === "ajv")?.checked).to.equal(4);
      expect(json.targets[0]!.skippedBy).to.have.length(1);
    });

    it("findings win over untested targets: exit 1", async () => {
      const dir = tmp();
      fs.writeFileSync(path.join(dir, "long.json"), '{"type":"string","minLength":1000000}');
      const report = path.join(dir, "r.json");
      const r = await runConform(["fuzz", dir, CONTACT, "--runs", "8", "--seed", "1", "--adapter", `module:${path.join(ADAPTERS, "ascii-only.mjs")}`, "--report", `json:${report}`], { timeoutMs: 30_000 });
      expect(r.status, r.stderr).to.equal(1);
      const json = readReport(report);
      expect(json.targets.map((t) => t.status).sort()).to.deep.equal(["error", "ok"]);
      expect(json.findings.length).to.be.at.least(1);
    });

    it("nothing found and every target tested: exit 0", async () => {
      const r = await runConform(["fuzz", CONTACT, "--runs", "4", "--seed", "1"], { timeoutMs: 30_000 });
      expect(r.status, r.stderr).to.equal(0);
    });

    it("an unwritable --report path is exit 2 before any work (one line, no seed chosen, no file)", async () => {
      const dir = tmp();
      const notAFolder = path.join(dir, "file");
      fs.writeFileSync(notAFolder, "");
      const r = await runConform(["fuzz", CONTACT, "--report", `json:${notAFolder}/r.json`], { timeoutMs: 20_000 });
      expect(r.status).to.equal(2);
      expect(r.stderr).to.equal(`conform: --report json:${notAFolder}/r.json: ${notAFolder} is not a folder\n`);
      expect(r.stdout).to.equal("");
    });

    it("a --report folder that refuses files whatever its permission bits say (/proc) is exit 2 before any work", async function () {
      if (!fs.existsSync("/proc/self")) this.skip();
      const r = await runConform(["fuzz", CONTACT, "--report", "json:/proc/r.json"], { timeoutMs: 20_000 });
      expect(r.status).to.equal(2);
      expect(r.stderr).to.match(/^conform: --report json:\/proc\/r\.json: cannot create files in \/proc \(\w+\)\n$/);
      expect(r.stdout).to.equal("");
    });

    it("a --corpus folder that cannot be created is exit 2 before any work", async () => {
      const dir = tmp();
      const notAFolder = path.join(dir, "file");
      fs.writeFileSync(notAFolder, "");
      const r = await runConform(["fuzz", CONTACT, "--seed", "1", "--corpus", path.join(notAFolder, "corpus")], { timeoutMs: 20_000 });
      expect(r.status).to.equal(2);
      expect(r.stderr.trim().split("\n")).to.have.length(1);
    });

    it("replay --corpus of a folder that does not exist is exit 2", async () => {
      const r = await runConform(["replay", "--corpus", "/does/not/exist"], { timeoutMs: 20_000 });
      expect(r.status).to.equal(2);
      expect(r.stderr).to.equal("conform: --corpus /does/not/exist: no such folder\n");
    });

    it("--help documents every status and their precedence", async () => {
      const r = await runConform(["--help"], { timeoutMs: 20_000 });
      expect(r.status).to.equal(0);
      for (const status of ["0", "1", "2", "3", "4", "130"]) expect(r.stdout).to.match(new RegExp(`\\n  ${status} +\\S`));
      expect(r.stdout).to.contain("143 by SIGTERM");
      expect(r.stdout).to.contain("When several apply: 130/143, then 2, then 1, then 4.");
    });

    it("a reader that goes away (`conform sample | head -1`) ends the run quietly, not with status 13", async () => {
      const child = spawn(process.execPath, [BIN, "sample", CONTACT, "-n", "20000", "--seed", "5"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
      child.stdout.once("data", () => child.stdout.destroy());
      const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(status, stderr).to.equal(0);
      expect(stderr).to.equal("");
    });

    it("stdout arrives whole through the main thread: a large NDJSON sample, every line complete", async () => {
      const r = await runConform(["sample", CONTACT, "-n", "2000", "--seed", "5"], { timeoutMs: 30_000 });
      expect(r.status, r.stderr).to.equal(0);
      const lines = r.stdout.split("\n");
      expect(lines.pop()).to.equal("");
      expect(lines).to.have.length(2000);
      for (const line of lines) JSON.parse(line);
    });
  });
});
