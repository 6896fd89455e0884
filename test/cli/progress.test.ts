import { expect } from "chai";
import path from "node:path";
import { progressPrinter, progressText } from "../../src/cli/progress.js";
import { EXAMPLES } from "../helpers/paths.js";
import { runConform } from "./run-conform.js";

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream & { written: string[] };
}

describe("progress lines", function () {
  it("off a terminal: a plain line at most every few seconds, none at the end or for a short run", function () {
    let t = 0;
    const stream = fakeStream(false);
    const onTarget = progressPrinter(stream, { now: () => t, everySeconds: 5 })!;
    for (let done = 1; done <= 20; done++) {
      t += 1_000;
      onTarget(done, 20, `t${done}`, { payloads: done * 10, findings: done > 10 ? 1 : 0 });
    }
    expect(stream.written.length).to.equal(3);
    expect(stream.written.every((l) => l.startsWith("conform: [") && l.endsWith("\n"))).to.equal(true);
    expect(stream.written[0]).to.equal("conform: [5/20] 50 payloads · 10/s · 0 findings · 5.0 s\n");
    const short = fakeStream(false);
    const quick = progressPrinter(short, { now: () => 100, everySeconds: 5 })!;
    expect(progressPrinter(fakeStream(false), { now: () => 0, everySeconds: 0 })).to.equal(undefined);
    quick(1, 2, "a", { payloads: 5, findings: 0 });
    quick(2, 2, "b", { payloads: 10, findings: 0 });
    expect(short.written).to.deep.equal([]);
  });

  it("on a terminal: one live line rewritten in place, cleared at the end", function () {
    let t = 0;
    const stream = fakeStream(true);
    const onTarget = progressPrinter(stream, { now: () => t })!;
    t = 1_000;
    onTarget(1, 2, "schemas/a.json", { payloads: 100, findings: 1 });
    t = 2_000;
    onTarget(2, 2, "schemas/b.json", { payloads: 200, findings: 1 });
    expect(stream.written[0]).to.match(/^\r\x1b\[K\[1\/2\] 100 payloads · 100\/s · 1 finding · 1\.0 s schemas\/a\.json$/);
    expect(stream.written.at(-1)).to.equal("\r\x1b[K");
  });

  it("under a budget: the time left, and lines for the rounds after every target's first", function () {
    let t = 0;
    const stream = fakeStream(false);
    const onTarget = progressPrinter(stream, { now: () => t, everySeconds: 5, budgetMs: 60_000 })!;
    for (let round = 1; round <= 12; round++) {
      t += 5_000;
      onTarget(3, 3, "a.json", { payloads: round * 20, findings: 0 });
    }
    expect(stream.written.length).to.equal(12);
    expect(stream.written[0]).to.equal("conform: [3/3] 20 payloads · 4/s · 0 findings · 5.0 s · 55 s left\n");
    expect(stream.written.at(-1)).to.match(/· 60\.0 s · 0 s left\n$/);
    const tty = fakeStream(true);
    const live = progressPrinter(tty, { now: () => t, budgetMs: 120_000 })!;
    live(3, 3, "a.json", { payloads: 1, findings: 0 });
    expect(tty.written, "the line stays while time is left").to.deep.equal([`\r\x1b[K[3/3] 1 payloads · 0/s · 0 findings · 0.0 s · 120 s left a.json`]);
  });

  it("--quiet: no printer at all, on a terminal or off", function () {
    expect(progressPrinter(fakeStream(true), { quiet: true })).to.equal(undefined);
    expect(progressPrinter(fakeStream(false), { quiet: true, everySeconds: 1 })).to.equal(undefined);
  });

  it("says payloads per second from the elapsed time", function () {
    expect(progressText(3, 9, { payloads: 1500, findings: 2 }, 3_000)).to.equal("[3/9] 1,500 payloads · 500/s · 2 findings · 3.0 s");
    expect(progressText(3, 9, undefined, 0)).to.equal("[3/9] 0.0 s");
  });
});

describe("progress of a real run (conform fuzz --duration, CONFORM_PROGRESS_SECONDS=1)", function () {
  this.timeout(60_000);
  const order = path.join(EXAMPLES, "order.json");

  it("off a terminal, lines keep coming after the first round and say the time left; --quiet prints none", async function () {
    const env = { CONFORM_PROGRESS_SECONDS: "1" };
    const loud = await runConform(["fuzz", order, "--duration", "4s", "--seed", "3"], { timeoutMs: 40_000, env });
    const lines = loud.stderr.split("\n").filter((l) => l.startsWith("conform: ["));
    expect(lines.length, loud.stderr).to.be.at.least(2);
    expect(lines.every((l) => /· \d+ s left$/.test(l)), lines.join("\n")).to.equal(true);
    const quiet = await runConform(["fuzz", order, "--duration", "4s", "--seed", "3", "--quiet"], { timeoutMs: 40_000, env });
    expect(quiet.status).to.equal(loud.status);
    expect(quiet.stderr.split("\n").filter((l) => l.startsWith("conform: ["))).to.deep.equal([]);
  });
});
