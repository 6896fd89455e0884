import { expect } from "chai";
import type { Adapter, Prepared, Verdict } from "../../src/adapters/adapter.js";
import { parseServiceFlags } from "../../src/adapters/service/options.js";
import { createAdapter } from "../../src/adapters/spec.js";
import { fuzz } from "../../src/index.js";
import { FAULT_KINDS } from "../../src/model/finding.js";
import { simpleTarget } from "./targets.js";
import { faultOf, faultyHttpServer, garbageServer, OK_SCHEMA, refusedUrl, tempJsonFile, type RunningService } from "./service-servers.js";

const TARGET = simpleTarget(OK_SCHEMA);

async function ask(adapter: Adapter, instances: unknown[]): Promise<Verdict[]> {
  const p = (await adapter.prepare(TARGET)) as Prepared & { ok: true };
  expect(p.ok).to.equal(true);
  return adapter.validate(p, instances);
}

describe("http: adapter", function () {
  this.timeout(60_000);
  const open: RunningService[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  async function serve<T extends RunningService>(s: Promise<T>): Promise<T> {
    const running = await s;
    open.push(running);
    return running;
  }

  it("reads 2xx as accepted and 4xx as rejected, sending the payload as the JSON body", async function () {
    const server = await serve(faultyHttpServer("ok"));
    const adapter = await createAdapter(`http:${server.url}`, { timeoutMs: 2000 });
    expect(await ask(adapter, [{ ok: true }, { ok: false }, 7])).to.deep.equal([{ valid: true }, { valid: false }, { valid: false }]);
    expect(server.received.map((r) => [r.method, r.headers["content-type"], r.body])).to.deep.equal([
      ["POST", "application/json", '{"ok":true}'], ["POST", "application/json", '{"ok":false}'], ["POST", "application/json", "7"],
    ]);
    expect(adapter.dialects).to.have.length(5);
  });

  it("places the payload into the envelope template and sends the extra headers and method", async function () {
    const server = await serve(faultyHttpServer("ok"));
    const envelope = tempJsonFile("envelope.json", { ok: true, order: "$payload", copies: ["$payload"] });
    const services = parseServiceFlags({ httpEnvelope: envelope, httpHeader: ["X-Tenant: acme"], httpMethod: "put" }, [`http:${server.url}`]);
    const adapter = await createAdapter(`http:${server.url}`, { timeoutMs: 2000, services });
    expect(await ask(adapter, [{ a: [1] }])).to.deep.equal([{ valid: true }]);
    expect(JSON.parse(server.received[0]!.body)).to.deep.equal({ ok: true, order: { a: [1] }, copies: [{ a: [1] }] });
    expect(server.received[0]!.method).to.equal("PUT");
    expect(server.received[0]!.headers["x-tenant"]).to.equal("acme");
  });

  it("takes the statuses that accept and reject from the options; another status is a fault, not a verdict", async function () {
    const server = await serve(faultyHttpServer("ok"));
    const services = parseServiceFlags({ httpAccept: "201", httpReject: "400,409" }, [`http:${server.url}`]);
    const adapter = await createAdapter(`http:${server.url}`, { timeoutMs: 2000, services });
    const [ok, refused] = await ask(adapter, [{ ok: true }, { ok: false }]);
    expect(faultOf(ok!)).to.include({ fault: "protocol-error" });
    expect(faultOf(ok!).message).to.match(/HTTP 200 is neither accepted \(201\) nor rejected \(400,409\)/);
    expect(faultOf(refused!).message).to.match(/HTTP 422 is neither/);
  });

  const faults: Array<{ name: string; start: () => Promise<{ url: string; service?: RunningService }>; fault: string; message: RegExp }> = [
    { name: "a 5xx answer", start: async () => withService(await faultyHttpServer("server-error")), fault: "adapter-error", message: /server error HTTP 503: database locked/ },
    { name: "a hang past --timeout", start: async () => withService(await faultyHttpServer("hang")), fault: "adapter-timeout", message: /no answer within 300 ms/ },
    { name: "a garbage answer", start: async () => withService(await garbageServer()), fault: "protocol-error", message: /the answer is not HTTP: .*HPE_/ },
    { name: "a refused connection (a server that is gone, or exited at start)", start: async () => ({ url: await refusedUrl() }), fault: "adapter-error", message: /request failed: .*ECONNREFUSED/ },
    { name: "a crash while answering", start: async () => withService(await faultyHttpServer({ crashAfter: 0 })), fault: "adapter-error", message: /request failed: socket hang up \(ECONNRESET\)/ },
  ];
  for (const f of faults) {
    it(`${f.name} is ${f.fault} for the payload asked`, async function () {
      const { url, service } = await f.start();
      if (service) open.push(service);
      const adapter = await createAdapter(`http:${url}`, { timeoutMs: 300 });
      const [v] = await ask(adapter, [{ ok: true }]);
      expect(faultOf(v!)).to.include({ fault: f.fault });
      expect(faultOf(v!).message).to.match(f.message).and.match(new RegExp(`^http:${url.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: `));
    });
  }

  describe("a whole run survives the service failing (fuzz(), as conform fuzz)", function () {
    const cases: Array<{ name: string; start: () => Promise<{ url: string; service?: RunningService }>; kinds: string[] }> = [
      { name: "crash mid-run", start: async () => withService(await faultyHttpServer({ crashAfter: 4 })), kinds: ["adapter-error"] },
      { name: "hang past --timeout mid-run", start: async () => withService(await faultyHttpServer({ hangAfter: 4 })), kinds: ["adapter-timeout"] },
      { name: "garbage", start: async () => withService(await garbageServer()), kinds: ["protocol-error"] },
      { name: "connection refused", start: async () => ({ url: await refusedUrl() }), kinds: ["adapter-error"] },
    ];
    for (const c of cases) {
      it(`${c.name}: the run completes and its findings are ${c.kinds.join(", ")} only`, async function () {
        const { url, service } = await c.start();
        if (service) open.push(service);
        const schema = tempJsonFile("ok.json", OK_SCHEMA);
        const report = await fuzz({ schemas: [schema], adapters: [`http:${url}`], runs: 12, seed: 7, timeoutMs: 300 });
        expect(report.targets.map((t) => t.status)).to.deep.equal(["ok"]);
        const kinds = [...new Set(report.findings.map((f) => f.kind))];
        expect(kinds, JSON.stringify(report.findings)).to.deep.equal(c.kinds);
        for (const f of report.findings) {
          expect(FAULT_KINDS as readonly string[]).to.include(f.kind);
          expect(f.adapter).to.equal(`http:${url}`);
          expect(f.actual).to.be.oneOf(["error", "timeout"]);
        }
      });
    }
  });
});

function withService<T extends RunningService>(service: T): { url: string; service: T } {
  return { url: service.url, service };
}
