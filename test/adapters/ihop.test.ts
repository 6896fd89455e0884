import { expect } from "chai";
import path from "node:path";
import type { Adapter, Prepared, Verdict } from "../../src/adapters/adapter.js";
import { createAdapter } from "../../src/adapters/spec.js";
import type { IhopAdapter } from "../../src/adapters/subprocess/ihop-adapter.js";
import { UsageError } from "../../src/schema/errors.js";
import { isRunning, waitUntilGone } from "./processes.js";
import { REPO_ROOT, simpleTarget } from "./targets.js";

const FIXTURES = path.join(REPO_ROOT, "test/fixtures/harness");
const TARGET = simpleTarget({ type: "integer" });

function fixture(name: string): string {
  return `exec:${process.execPath} ${path.join(FIXTURES, name)}`;
}

async function prepared(adapter: Adapter): Promise<Prepared & { ok: true }> {
  const p = await adapter.prepare(TARGET);
  if (!p.ok) throw new Error(`prepare failed: ${JSON.stringify(p)}`);
  return p;
}

/** Same fault for every instance of the batch. */
function expectFault(verdicts: Verdict[], count: number, fault: string, message: RegExp): void {
  expect(verdicts).to.have.length(count);
  for (const v of verdicts) {
    expect(v).to.include({ errored: true, fault });
    expect((v as { message: string }).message).to.match(message);
  }
}

describe("exec: IHOP client", function () {
  const open: Adapter[] = [];
  async function start(name: string, timeoutMs = 2000): Promise<IhopAdapter> {
    const adapter = (await createAdapter(fixture(name), { timeoutMs })) as IhopAdapter;
    open.push(adapter);
    return adapter;
  }
  afterEach(async () => {
    for (const a of open.splice(0)) await a.close();
  });

  it("reads the harness's implementation and validates batches through it", async function () {
    const adapter = await start("correct.mjs");
    expect(adapter.dialects).to.include("https://json-schema.org/draft/2020-12/schema");
    expect(adapter.implementation.name).to.equal("fixture");
    const p = await prepared(adapter);
    expect(await adapter.validate(p, [1, 1.5, "1"])).to.deep.equal([{ valid: true }, { valid: false }, { valid: false }]);
    expect(await adapter.validate(p, [])).to.deep.equal([]);
  });

  it("sends an instance's exact text when it has one (a probe spelled 1.0, -0, 1e2), else JSON.stringify's", async function () {
    const adapter = await start("reads-text.mjs");
    const p = await prepared(adapter);
    expect(await adapter.validate(p, [1, 0, 100, 7], ["1.0", "-0", "1e2", undefined])).to.deep.equal([{ valid: false }, { valid: false }, { valid: false }, { valid: true }]);
    expect(await adapter.validate(p, [1, 0, 100])).to.deep.equal([{ valid: true }, { valid: true }, { valid: true }]);
  });

  it("sends a bundle definition as a $ref with the bundle in the registry", async function () {
    const adapter = await start("correct.mjs");
    const bundle = simpleTarget({ $defs: { Pos: { type: "integer", minimum: 1 } } }, "2020-12", "urn:example:bundle");
    const p = await adapter.prepare({ ...bundle, uri: "urn:example:bundle#/$defs/Pos", pointer: "/$defs/Pos" });
    if (!p.ok) throw new Error(JSON.stringify(p));
    expect(await adapter.validate(p, [2, 0])).to.deep.equal([{ valid: true }, { valid: false }]);
  });

  const faults: Array<{ file: string; trigger: string; fault: string; message: RegExp }> = [
    { file: "crash-mid-run.mjs", trigger: "crash", fault: "adapter-error", message: /exited with code 3.*deliberate crash/s },
    { file: "hang.mjs", trigger: "hang", fault: "adapter-timeout", message: /did not answer within 1000 ms/ },
    { file: "garbage.mjs", trigger: "garbage", fault: "protocol-error", message: /non-JSON/ },
    { file: "wrong-seq.mjs", trigger: "wrong-seq", fault: "protocol-error", message: /answered seq \d+ to request seq \d+/ },
    { file: "wrong-count.mjs", trigger: "wrong-count", fault: "protocol-error", message: /returned 2 results for 3 instances/ },
  ];
  for (const f of faults) {
    it(`${f.file}: records ${f.fault}, kills the harness, restarts it for the next batch`, async function () {
      const adapter = await start(f.file, 1000);
      const p = await prepared(adapter);
      const firstPid = adapter.pid as number;
      expectFault(await adapter.validate(p, [1, f.trigger, 2]), 3, f.fault, f.message);
      expect(await waitUntilGone(firstPid)).to.equal(true);
      expect(await adapter.validate(p, [4, "x"])).to.deep.equal([{ valid: true }, { valid: false }]);
      expect(adapter.pid).to.be.a("number").and.not.equal(firstPid);
    });
  }

  it("batches asked before earlier ones are answered (pipelined) each get their own answer, in any number", async function () {
    const adapter = await start("correct.mjs");
    const p = await prepared(adapter);
    const batches = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? [i, "s"] : i % 3 === 1 ? [i + 0.5] : [i, i + 1, "t"]));
    const answers = await Promise.all(batches.map((b) => adapter.validate(p, b)));
    answers.forEach((verdicts, i) => expect(verdicts, `batch ${i}`).to.deep.equal(batches[i]!.map((x) => ({ valid: Number.isInteger(x) }))));
  });

  for (const f of faults.filter((f) => ["crash-mid-run.mjs", "garbage.mjs", "wrong-count.mjs"].includes(f.file))) {
    it(`${f.file} with batches in flight: the faulting batch gets ${f.fault}, those behind it are asked again of the restarted harness`, async function () {
      const adapter = await start(f.file, 1000);
      const p = await prepared(adapter);
      const firstPid = adapter.pid as number;
      const asked = [[1], ["x"], [1, f.trigger, 2], [2], ["y", 3], [5.5]].map((b) => adapter.validate(p, b));
      const [a, b, faulted, c, d, e] = await Promise.all(asked);
      expect([a, b]).to.deep.equal([[{ valid: true }], [{ valid: false }]]);
      expectFault(faulted!, 3, f.fault, f.message);
      expect([c, d, e]).to.deep.equal([[{ valid: true }], [{ valid: false }, { valid: true }], [{ valid: false }]]);
      expect(adapter.pid).to.be.a("number").and.not.equal(firstPid);
    });
  }

  it("kills the whole process group of a hung harness, grandchildren included", async function () {
    const adapter = await start("hang.mjs", 1000);
    const grandchild = adapter.implementation.grandchildPid as number;
    expect(isRunning(grandchild)).to.equal(true);
    const p = await prepared(adapter);
    await adapter.validate(p, ["hang"]);
    expect(await waitUntilGone(grandchild)).to.equal(true);
  });

  it("leaves no process behind after close", async function () {
    const adapter = await start("hang.mjs");
    const pid = adapter.pid as number;
    const grandchild = adapter.implementation.grandchildPid as number;
    await adapter.close();
    expect(await waitUntilGone(pid)).to.equal(true);
    expect(await waitUntilGone(grandchild)).to.equal(true);
  });

  it("reads whole-case errors and skips, and per-test errors, without restarting", async function () {
    const adapter = await start("errored-and-skipped.mjs");
    const p = await prepared(adapter);
    const pid = adapter.pid;
    expectFault(await adapter.validate(p, [1, "error"]), 2, "adapter-error", /cannot compile/);
    expect(await adapter.validate(p, [1, "skip"])).to.deep.equal([
      { skipped: true, message: "fixture: unsupported keyword" },
      { skipped: true, message: "fixture: unsupported keyword" },
    ]);
    const mixed = await adapter.validate(p, [1, "test-error"]);
    expect(mixed[0]).to.deep.equal({ valid: true });
    expect(mixed[1]).to.include({ errored: true, fault: "adapter-error" });
    expect(adapter.pid).to.equal(pid);
  });

  it("skips a target whose dialect the harness refuses or does not list", async function () {
    const adapter = await start("errored-and-skipped.mjs");
    expect(await adapter.prepare(simpleTarget({ type: "integer" }, "draft-07"))).to.include({ ok: false, skipped: true });
    expect(await adapter.prepare(simpleTarget({ type: "integer" }, "draft-04"))).to.include({ ok: false, skipped: true });
    expect(await adapter.prepare(simpleTarget({ type: "integer" }, "2020-12"))).to.include({ ok: true });
  });

  it("fails to create an adapter whose harness does not start, naming the spec", async function () {
    for (const spec of [`exec:${process.execPath} -e "process.exit(2)"`, "exec:/nonexistent/harness", "exec:"]) {
      let error: unknown;
      await createAdapter(spec, { timeoutMs: 2000 }).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(UsageError);
      expect((error as Error).message).to.contain("exec:");
    }
  });
});
