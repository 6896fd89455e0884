import { expect } from "chai";
import { IsolatedRunner } from "../../src/adapters/isolation/isolated-runner.js";

const WORKER = new URL("../fixtures/harness/isolation-worker.js", import.meta.url);

describe("isolation/IsolatedRunner", function () {
  let runner: IsolatedRunner<{ factor: number; sharedName?: string }, unknown, unknown>;
  beforeEach(() => (runner = new IsolatedRunner({ workerUrl: WORKER, workerData: { greeting: "hello" }, timeoutMs: 500 })));
  afterEach(() => runner.close());

  it("runs a batch through the compiled setup, in order", async function () {
    const setup = await runner.setup({ factor: 3 });
    if (!setup.ok) throw new Error("setup failed");
    expect(await runner.run(setup.key, [1, 2, "greet"])).to.deep.equal([{ ok: true, value: 3 }, { ok: true, value: 6 }, { ok: true, value: "hello" }]);
  });

  it("reports a setup that throws", async function () {
    expect(await runner.setup({ factor: -1 })).to.deep.equal({ ok: false, error: "negative factor" });
  });

  it("isolates each runaway item, keeps the others' results, and works afterwards", async function () {
    const setup = await runner.setup({ factor: 2 });
    if (!setup.ok) throw new Error("setup failed");
    const outcomes = await runner.run(setup.key, [1, "loop", 2, "throw", "loop", 3]);
    expect(outcomes).to.deep.equal([
      { ok: true, value: 2 },
      { ok: false, timedOut: true },
      { ok: true, value: 4 },
      { ok: false, error: "item refused" },
      { ok: false, timedOut: true },
      { ok: true, value: 6 },
    ]);
    expect(await runner.run(setup.key, [5])).to.deep.equal([{ ok: true, value: 10 }]);
  });

  it("lets a batch run longer than the limit while each item finishes within it", async function () {
    const setup = await runner.setup({ factor: 1 });
    if (!setup.ok) throw new Error("setup failed");
    const slow = Array.from({ length: 8 }, () => ({ sleepMs: 150 }));
    expect(await runner.run(setup.key, slow)).to.deep.equal(slow.map(() => ({ ok: true, value: "slept" })));
  });

  it("replays setups and shared values in the restarted worker", async function () {
    runner.share("offset", 100);
    const a = await runner.setup({ factor: 2, sharedName: "offset" }, ["offset"]);
    const b = await runner.setup({ factor: 10 });
    if (!a.ok || !b.ok) throw new Error("setup failed");
    expect(await runner.run(b.key, ["loop", 1])).to.deep.equal([{ ok: false, timedOut: true }, { ok: true, value: 10 }]);
    expect(await runner.run(a.key, [1])).to.deep.equal([{ ok: true, value: 102 }]);
  });

  it("turns a worker that dies into an error for the item that killed it", async function () {
    const setup = await runner.setup({ factor: 1 });
    if (!setup.ok) throw new Error("setup failed");
    const [first, died, last] = await runner.run(setup.key, [1, "die", 2]);
    expect(first).to.deep.equal({ ok: true, value: 1 });
    expect(died).to.have.property("error").that.matches(/worker died/);
    expect(last).to.deep.equal({ ok: true, value: 2 });
  });

  it("refuses work after close", async function () {
    await runner.close();
    let error: unknown;
    await runner.setup({ factor: 1 }).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/closed/);
  });
});
