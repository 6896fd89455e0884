import { expect } from "chai";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runConform } from "../cli/run-conform.js";
import { forEachSeedAsync, seedNote } from "../helpers/seeds.js";
import type { RunReport } from "../../src/model/report.js";
import { EXAMPLES_DIR, refusedUrl, startStrictHttp, tempJsonFile, type RunningService } from "./service-servers.js";

const ORDER_SCHEMA = path.join(EXAMPLES_DIR, "order.schema.json");
const INT32_MAX = 2 ** 31 - 1;
/**
 * Measured on seeds 1000–1099 at 50 runs: the int32 false reject over HTTP found on 100, the
 * extra-key false accept over JSON-RPC (scalar payloads are skipped there) on 93; so HTTP runs
 * 100 payloads and JSON-RPC 300 (20 of 20 seeds at 300), and a fresh seed cannot miss by chance.
 */
const FIXED_SEEDS = [1, 2, 3];

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "conform-services-"));
}

async function fuzzReport(adapterArgs: string[], seed: number, runs = 100): Promise<{ status: number | null; report: RunReport; stderr: string }> {
  const reportFile = path.join(tempDir(), "report.json");
  const run = await runConform(["fuzz", ORDER_SCHEMA, ...adapterArgs, "--runs", String(runs), "--seed", String(seed), "--report", `json:${reportFile}`], { timeoutMs: 120_000 });
  expect(fs.existsSync(reportFile), `${seedNote(seed)}: no report; stderr: ${run.stderr}`).to.equal(true);
  return { status: run.status, report: JSON.parse(fs.readFileSync(reportFile, "utf8")) as RunReport, stderr: run.stderr };
}

describe("examples/services: the planted strictness is found, a correct service has no findings", function () {
  this.timeout(300_000);
  let strict: RunningService;
  let correct: RunningService;
  before(async function () {
    if (spawnSync("python3", ["--version"]).status !== 0) {
      process.stdout.write("      skipped: the example services need python3 on PATH\n");
      this.skip();
    }
    [strict, correct] = await Promise.all([startStrictHttp(), startStrictHttp(["--correct"])]);
    process.stdout.write(`      strict-http.py at ${strict.url}, --correct at ${correct.url}\n`);
  });
  after(async () => {
    await strict?.close();
    await correct?.close();
  });

  it("strict-http.py: a false reject of a quantity above 2^31-1, which the schema allows", async function () {
    await forEachSeedAsync(FIXED_SEEDS, async (seed) => {
      const { status, report } = await fuzzReport(["--adapter", `http:${strict.url}`], seed);
      expect(status).to.equal(1);
      expect(report.findings.length).to.be.greaterThan(0);
      for (const f of report.findings) {
        expect(f.kind, JSON.stringify(f)).to.equal("false-reject");
        expect(f.adapter).to.equal(`http:${strict.url}`);
        expect((f.instance as { quantity: number }).quantity).to.be.greaterThan(INT32_MAX);
      }
    });
  });

  it("strict-http.py --correct: no findings, exit 0", async function () {
    await forEachSeedAsync(FIXED_SEEDS, async (seed) => {
      const { status, report } = await fuzzReport(["--adapter", `http:${correct.url}`], seed);
      expect(report.findings).to.deep.equal([]);
      expect(status).to.equal(0);
    });
  });

  it("jsonrpc-server.py: a false accept of an extra key (additionalProperties: false); --correct: none", async function () {
    const server = path.join(EXAMPLES_DIR, "jsonrpc-server.py");
    await forEachSeedAsync(FIXED_SEEDS, async (seed) => {
      const lax = await fuzzReport(["--adapter", `jsonrpc:python3 ${server}`, "--jsonrpc-method", "orders.create"], seed, 300);
      expect(lax.status).to.equal(1);
      expect(lax.report.findings.map((f) => [f.kind, f.keyword])).to.deep.equal([["false-accept", "additionalProperties"]]);
      const exact = await fuzzReport(["--adapter", `jsonrpc:python3 ${server} --correct`, "--jsonrpc-method", "orders.create"], seed, 300);
      expect(exact.report.findings).to.deep.equal([]);
      expect(exact.status).to.equal(0);
    });
  });

  it("replays a corpus case found by an http: adapter without --adapter, with the same service flags", async function () {
    const corpus = tempDir();
    const fuzzed = await runConform(["fuzz", ORDER_SCHEMA, "--adapter", `http:${strict.url}`, "--runs", "100", "--seed", "1", "--corpus", corpus, "--http-reject", "422"], { timeoutMs: 120_000 });
    expect(fuzzed.status, fuzzed.stderr).to.equal(1);
    expect(fs.readdirSync(corpus).length).to.be.greaterThan(0);
    const replayed = await runConform(["replay", "--corpus", corpus, "--http-reject", "422"], { timeoutMs: 120_000 });
    expect(replayed.status, replayed.stderr).to.equal(1);
    expect(replayed.stdout).to.include(`http:${strict.url}`).and.include("false-reject");
  });

  it("a service that is down: the run completes, the report is written, the findings are adapter-error (exit 1)", async function () {
    const url = await refusedUrl();
    const { status, report } = await fuzzReport(["--adapter", `http:${url}`], 1, 10);
    expect(status).to.equal(1);
    expect(report.targets.map((t) => t.status)).to.deep.equal(["ok"]);
    expect([...new Set(report.findings.map((f) => f.kind))]).to.deep.equal(["adapter-error"]);
  });
});

describe("service adapter options on the command line", function () {
  this.timeout(60_000);
  const bad: Array<{ args: string[]; line: RegExp }> = [
    { args: ["--adapter", "http:ftp://example.com/x"], line: /^conform: adapter "http:ftp:\/\/example.com\/x": http: needs an http:\/\/ or https:\/\/ URL/ },
    { args: ["--adapter", "http:http://127.0.0.1:9/x", "--http-accept", "2xx,42"], line: /^conform: --http-accept takes status classes or codes such as 2xx, 404 or 400-499/ },
    { args: ["--adapter", "http:http://127.0.0.1:9/x", "--http-accept", "2xx,404"], line: /^conform: --http-accept 2xx,404 and --http-reject 4xx both hold status 404/ },
    { args: ["--adapter", "http:http://127.0.0.1:9/x", "--http-header", "no colon"], line: /^conform: --http-header takes "Name: value"/ },
    { args: ["--adapter", "http:http://127.0.0.1:9/x", "--http-envelope", "/nonexistent/envelope.json"], line: /^conform: \/nonexistent\/envelope.json: cannot read/ },
    { args: ["--adapter", "ajv", "--http-accept", "200"], line: /^conform: --http-accept applies to http: adapters, and no --adapter http:… is given/ },
    { args: ["--adapter", "jsonrpc:python3 server.py"], line: /^conform: adapter "jsonrpc:python3 server.py" needs --jsonrpc-method NAME/ },
    { args: ["--adapter", "jsonrpc:python3 server.py", "--jsonrpc-method", "m", "--jsonrpc-framing", "xml"], line: /--jsonrpc-framing <FRAMING>' argument 'xml' is invalid/ },
  ];
  for (const b of bad) {
    it(`${b.args.slice(2).join(" ") || b.args.join(" ")}: one line, exit 2`, async function () {
      const run = await runConform(["fuzz", ORDER_SCHEMA, ...b.args], { timeoutMs: 30_000 });
      expect(run.status).to.equal(2);
      expect(run.stderr.trim().split("\n")[0]).to.match(b.line);
      expect(run.stderr).to.not.match(/\n\s+at /);
    });
  }

  it("an envelope template without \"$payload\" is bad input naming the file", async function () {
    const file = tempJsonFile("envelope.json", { order: "payload" });
    const run = await runConform(["fuzz", ORDER_SCHEMA, "--adapter", "http:http://127.0.0.1:9/x", "--http-envelope", file], { timeoutMs: 30_000 });
    expect(run.status).to.equal(2);
    expect(run.stderr.trim()).to.equal(`conform: ${file}: the envelope template has no "$payload" string to replace by the payload`);
  });

  it("a handshake file that is not an array of steps is bad input naming the file and pointer", async function () {
    const file = tempJsonFile("init.json", [{ method: "initialize" }, { method: "initialized", notify: true }]);
    const run = await runConform(["fuzz", ORDER_SCHEMA, "--adapter", "jsonrpc:python3 server.py", "--jsonrpc-method", "m", "--jsonrpc-init", file], { timeoutMs: 30_000 });
    expect(run.status).to.equal(2);
    expect(run.stderr.trim()).to.equal(`conform: ${file}#/1/notify: unknown member of a handshake step (method, params, notification)`);
  });

  it("conform adapters lists the http: and jsonrpc: forms", async function () {
    const run = await runConform(["adapters"], { timeoutMs: 30_000 });
    expect(run.stdout).to.match(/^http:<url>\s+a service/m).and.match(/^jsonrpc:<command line>\s+a JSON-RPC 2.0 server/m);
  });
});
