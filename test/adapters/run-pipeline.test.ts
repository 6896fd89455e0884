import { expect } from "chai";
import type { HarnessProcess, LineOutcome } from "../../src/adapters/subprocess/harness-process.js";
import { RunPipeline, type PipelinedOutcome } from "../../src/adapters/subprocess/run-pipeline.js";

/** A harness stand-in: records what is written, and answers when the test says so. */
class FakeHarness {
  readonly written: string[] = [];
  readonly limits: number[] = [];
  private reader: ((o: LineOutcome) => void) | undefined;
  send(line: string): void {
    this.written.push(line);
  }
  nextLine(timeoutMs: number): Promise<LineOutcome> {
    this.limits.push(timeoutMs);
    return new Promise((resolve) => (this.reader = resolve));
  }
  /** Gives the waiting reader its outcome; false when nobody is waiting. */
  answer(outcome: LineOutcome): boolean {
    const reader = this.reader;
    this.reader = undefined;
    reader?.(outcome);
    return reader !== undefined;
  }
  get waiting(): boolean {
    return this.reader !== undefined;
  }
}

function pipelineOn(fake: FakeHarness): RunPipeline {
  return new RunPipeline(fake as unknown as HarnessProcess, 5000);
}

const settled = () => new Promise((r) => setImmediate(r));

describe("RunPipeline: requests in flight on one harness", function () {
  it("writes every request at once and hands out the answers in order", async function () {
    const fake = new FakeHarness();
    const pipeline = pipelineOn(fake);
    const answers = ["a", "b", "c"].map((l) => pipeline.send(l));
    expect(fake.written).to.deep.equal(["a", "b", "c"]);
    for (const line of ["A", "B", "C"]) {
      await settled();
      expect(fake.answer({ line })).to.equal(true);
    }
    expect(await Promise.all(answers)).to.deep.equal([{ line: "A" }, { line: "B" }, { line: "C" }]);
    await settled();
    expect(fake.waiting, "no read without a request in flight").to.equal(false);
  });

  it("a missing answer is the fault of the request whose turn it was; those behind it are to be resent, and nothing more is written", async function () {
    for (const fault of [{ exited: "harness exited with code 3" }, { timedOut: true as const }]) {
      const fake = new FakeHarness();
      const pipeline = pipelineOn(fake);
      const answers = ["a", "b", "c", "d"].map((l) => pipeline.send(l));
      await settled();
      fake.answer({ line: "A" });
      await settled();
      fake.answer(fault);
      const outcomes: PipelinedOutcome[] = await Promise.all(answers);
      expect(outcomes).to.deep.equal([{ line: "A" }, fault, "resend", "resend"]);
      expect(pipeline.abandoned).to.equal(true);
      expect(await pipeline.send("e")).to.equal("resend");
      expect(fake.written).to.deep.equal(["a", "b", "c", "d"]);
    }
  });

  it("abandon (a garbage answer) sends every waiting request back, and idle() resolves", async function () {
    const fake = new FakeHarness();
    const pipeline = pipelineOn(fake);
    const answers = ["a", "b"].map((l) => pipeline.send(l));
    let idle = false;
    void pipeline.idle().then(() => (idle = true));
    await settled();
    expect(idle).to.equal(false);
    pipeline.abandon();
    expect(await Promise.all(answers)).to.deep.equal(["resend", "resend"]);
    await settled();
    expect(idle).to.equal(true);
  });

  it("each answer is waited for with the full time limit from its own turn", async function () {
    const fake = new FakeHarness();
    const pipeline = pipelineOn(fake);
    const answers = ["a", "b", "c"].map((l) => pipeline.send(l));
    for (const line of ["A", "B", "C"]) {
      await settled();
      fake.answer({ line });
    }
    await Promise.all(answers);
    expect(fake.limits).to.deep.equal([5000, 5000, 5000]);
  });
});
