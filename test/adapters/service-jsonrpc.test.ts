import { expect } from "chai";
import path from "node:path";
import type { Prepared } from "../../src/adapters/adapter.js";
import type { JsonRpcAdapter } from "../../src/adapters/service/jsonrpc-adapter.js";
import { parseServiceFlags } from "../../src/adapters/service/options.js";
import { createAdapter } from "../../src/adapters/spec.js";
import { fuzz } from "../../src/index.js";
import { isRunning, waitUntilGone } from "./processes.js";
import { FAULTY_JSONRPC, faultOf, OK_SCHEMA, tempJsonFile } from "./service-servers.js";
import { simpleTarget } from "./targets.js";

const TARGET = simpleTarget(OK_SCHEMA);

function spec(...args: string[]): string {
  return `jsonrpc:${process.execPath} ${FAULTY_JSONRPC} ${args.join(" ")}`.trimEnd();
}

function options(spec: string, timeoutMs = 2000, flags: Parameters<typeof parseServiceFlags>[0] = {}) {
  return { timeoutMs, services: parseServiceFlags({ jsonrpcMethod: "orders.create", ...flags }, [spec]) };
}

describe("jsonrpc: adapter", function () {
  this.timeout(60_000);
  const open: JsonRpcAdapter[] = [];
  async function start(s: string, timeoutMs = 2000, flags = {}): Promise<{ adapter: JsonRpcAdapter; p: Prepared & { ok: true } }> {
    const adapter = (await createAdapter(s, options(s, timeoutMs, flags))) as JsonRpcAdapter;
    open.push(adapter);
    return { adapter, p: (await adapter.prepare(TARGET)) as Prepared & { ok: true } };
  }
  afterEach(async () => {
    for (const a of open.splice(0)) await a.close();
  });

  it("reads a result as accepted and -32602 as rejected, skipping the server's notifications", async function () {
    const { adapter, p } = await start(spec());
    expect(await adapter.validate(p, [{ ok: true }, { ok: false }, [1], { ok: true }])).to.deep.equal([{ valid: true }, { valid: false }, { valid: false }, { valid: true }]);
  });

  it("sends a scalar payload only inside a params template: without one it is skipped, with a reason", async function () {
    const { adapter, p } = await start(spec());
    const [v] = await adapter.validate(p, [7]);
    expect(v).to.deep.include({ skipped: true });
    expect((v as { message: string }).message).to.match(/params must be an object or an array; give --jsonrpc-params/);
  });

  it("places the payload into the params template", async function () {
    const template = tempJsonFile("params.json", { ok: true, order: "$payload" });
    const { adapter, p } = await start(spec(), 2000, { jsonrpcParams: template });
    expect(await adapter.validate(p, [7, null])).to.deep.equal([{ valid: true }, { valid: true }]);
  });

  it("speaks LSP's Content-Length framing with --jsonrpc-framing content-length", async function () {
    const example = `jsonrpc:python3 ${path.resolve("examples/services/jsonrpc-server.py")} --framing content-length --correct`;
    const { adapter, p } = await start(example, 5000, { jsonrpcFraming: "content-length" });
    const order = { id: "ünïcödé ✓ 🎉", quantity: 2 };
    expect(await adapter.validate(p, [order, { ...order, extra: 1 }, { id: "" }])).to.deep.equal([{ valid: true }, { valid: false }, { valid: false }]);
  });

  const faults: Array<{ trigger: string; fault: string; message: RegExp; restarts: boolean }> = [
    { trigger: "crash", fault: "adapter-error", message: /the server exited with code 3; stderr: deliberate crash/, restarts: true },
    { trigger: "hang", fault: "adapter-timeout", message: /no answer within 1500 ms/, restarts: true },
    { trigger: "garbage", fault: "protocol-error", message: /non-JSON: this is not JSON/, restarts: true },
    { trigger: "wrong-id", fault: "protocol-error", message: /answered id \d+ to request id \d+/, restarts: true },
    { trigger: "server-error", fault: "adapter-error", message: /answered error -32000: database locked/, restarts: false },
  ];
  for (const f of faults) {
    it(`${f.trigger}: ${f.fault} for that payload only; ${f.restarts ? "the server is killed and started again" : "the server keeps running"}`, async function () {
      const { adapter, p } = await start(spec(), 1500);
      const [before] = await adapter.validate(p, [{ ok: true }]);
      const firstPid = adapter.pid as number;
      const [bad, after] = await adapter.validate(p, [{ trigger: f.trigger }, { ok: true }]);
      expect(before).to.deep.equal({ valid: true });
      expect(faultOf(bad!)).to.include({ fault: f.fault });
      expect(faultOf(bad!).message).to.match(f.message).and.match(/^jsonrpc:/);
      expect(after).to.deep.equal({ valid: true });
      if (f.restarts) {
        expect(await waitUntilGone(firstPid)).to.equal(true);
        expect(adapter.pid).to.not.equal(firstPid);
      } else {
        expect(adapter.pid).to.equal(firstPid);
      }
    });
  }

  it("sends the --jsonrpc-init handshake after each start; a server that needs one is a fault without it, never a rejection", async function () {
    const init = tempJsonFile("init.json", [{ method: "initialize", params: { client: "conform" } }, { method: "initialized", notification: true }]);
    const { adapter, p } = await start(spec("needs-init"), 5000, { jsonrpcInit: init });
    expect(await adapter.validate(p, [{ ok: true }, { ok: false }])).to.deep.equal([{ valid: true }, { valid: false }]);
    const [crashed, restarted] = await adapter.validate(p, [{ trigger: "crash" }, { ok: true }]);
    expect(faultOf(crashed!).fault).to.equal("adapter-error");
    expect(restarted).to.deep.equal({ valid: true });
    const half = tempJsonFile("half.json", [{ method: "initialized", notification: true }, { method: "status" }]);
    const unready = await start(spec("needs-init"), 5000, { jsonrpcInit: half });
    const firstTry = await unready.adapter.validate(unready.p, [{ ok: true }, { ok: true }]);
    for (const v of firstTry) expect(faultOf(v).message).to.match(/status \(--jsonrpc-init\): the server answered error -32002: server not initialized/);
    const bare = await start(spec("needs-init"), 5000);
    const [v] = await bare.adapter.validate(bare.p, [{ ok: true }]);
    expect(faultOf(v!).message).to.match(/answered error -32002: server not initialized/);
  });

  it("a handshake the server refuses is a fault of the payload that started it", async function () {
    const init = tempJsonFile("init.json", [{ method: "initialize", params: { client: "someone else" } }]);
    const { adapter, p } = await start(spec("needs-init"), 5000, { jsonrpcInit: init });
    const [v] = await adapter.validate(p, [{ ok: true }]);
    expect(faultOf(v!)).to.include({ fault: "adapter-error" });
    expect(faultOf(v!).message).to.match(/initialize \(--jsonrpc-init\) was refused with error -32602/);
  });

  it("a server that exits at start is an adapter-error per payload, with its stderr", async function () {
    const { adapter, p } = await start(spec("exit-at-start"));
    const verdicts = await adapter.validate(p, [{ ok: true }, { ok: false }]);
    for (const v of verdicts) expect(faultOf(v).message).to.match(/exited with code 1; stderr: cannot open the orders database/);
  });

  it("close() stops the server", async function () {
    const { adapter, p } = await start(spec());
    await adapter.validate(p, [{ ok: true }]);
    const pid = adapter.pid as number;
    expect(isRunning(pid)).to.equal(true);
    await adapter.close();
    expect(await waitUntilGone(pid)).to.equal(true);
  });

  describe("a whole run survives the server failing (fuzz(), as conform fuzz)", function () {
    // Time limits leave a loaded machine time to start node; only the hang case waits them out.
    const cases: Array<{ name: string; args: string[]; kinds: string[]; timeoutMs: number }> = [
      { name: "crash mid-run", args: ["crash", "3"], kinds: ["adapter-error"], timeoutMs: 5000 },
      { name: "hang past --timeout mid-run", args: ["hang", "3"], kinds: ["adapter-timeout"], timeoutMs: 1500 },
      { name: "garbage mid-run", args: ["garbage", "3"], kinds: ["protocol-error"], timeoutMs: 5000 },
      { name: "exit at start", args: ["exit-at-start"], kinds: ["adapter-error"], timeoutMs: 5000 },
    ];
    for (const c of cases) {
      it(`${c.name}: the run completes and its findings are ${c.kinds.join(", ")} only`, async function () {
        const schema = tempJsonFile("ok.json", OK_SCHEMA);
        const s = spec(...c.args);
        const report = await fuzz({ schemas: [schema], adapters: [s], runs: 12, seed: 7, ...options(s, c.timeoutMs) });
        expect(report.targets.map((t) => t.status)).to.deep.equal(["ok"]);
        expect([...new Set(report.findings.map((f) => f.kind))], JSON.stringify(report.findings)).to.deep.equal(c.kinds);
        // The fault follows the request count, not the payload: the re-check after shrinking may be answered, so `actual` is not asserted.
        for (const f of report.findings) expect(f.adapter).to.equal(s);
      });
    }

    it("format-only classification applies: a server that checks no format shows format-difference, never a false accept", async function () {
      const schema = tempJsonFile("dated.json", { ...OK_SCHEMA, properties: { ...OK_SCHEMA.properties, day: { type: "string", format: "date" } } });
      const s = spec();
      const report = await fuzz({ schemas: [schema], adapters: [s], runs: 40, seed: 5, ...options(s, 5000) });
      // The fixture checks no type either (a false accept of `type`); what `format` alone breaks is a format-difference.
      const onFormat = report.findings.filter((f) => f.keyword === "format").map((f) => f.kind);
      expect(onFormat).to.deep.equal(["format-difference"]);
    });

    it("a payload that crashes the server: each crash is that payload's adapter-error, the others are judged", async function () {
      const schema = tempJsonFile("trigger.json", { ...OK_SCHEMA, properties: { ...OK_SCHEMA.properties, trigger: { const: "crash" } } });
      const s = spec();
      const report = await fuzz({ schemas: [schema], adapters: [s], runs: 30, seed: 3, ...options(s, 5000) });
      expect(report.findings.length).to.be.greaterThan(0);
      for (const f of report.findings) {
        expect(f.kind, JSON.stringify(f)).to.equal("adapter-error");
        expect(f.actual).to.equal("error");
        expect((f.instance as { trigger?: unknown }).trigger).to.equal("crash");
        expect(f.message).to.match(/deliberate crash/);
      }
    });
  });
});
