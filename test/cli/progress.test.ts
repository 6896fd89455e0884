import { expect } from "chai";
import { progressPrinter, progressText } from "../../src/cli/progress.js";

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream & { written: string[] };
}

describe("progress lines", function () {
  it("off a terminal: a plain line at most every few seconds, none at the end or for a short run", function () {
    let t = 0;
    const stream = fakeStream(false);
    const onTarget = progressPrinter(stream, () => t, 5)!;
    for (let done = 1; done <= 20; done++) {
      t += 1_000;
      onTarget(done, 20, `t${done}`, { payloads: done * 10, findings: done > 10 ? 1 : 0 });
    }
    expect(stream.written.length).to.equal(3);
    expect(stream.written.every((l) => l.startsWith("conform: [") && l.endsWith("\n"))).to.equal(true);
    expect(stream.written[0]).to.equal("conform: [5/20] 50 payloads · 10/s · 0 findings · 5.0 s\n");
    const short = fakeStream(false);
    const quick = progressPrinter(short, () => 100, 5)!;
    expect(progressPrinter(fakeStream(false), () => 0, 0)).to.equal(undefined);
    quick(1, 2, "a", { payloads: 5, findings: 0 });
    quick(2, 2, "b", { payloads: 10, findings: 0 });
    expect(short.written).to.deep.equal([]);
  });

  it("on a terminal: one live line rewritten in place, cleared at the end", function () {
    let t = 0;
    const stream = fakeStream(true);
    const onTarget = progressPrinter(stream, () => t)!;
    t = 1_000;
    onTarget(1, 2, "schemas/a.json", { payloads: 100, findings: 1 });
    t = 2_000;
    onTarget(2, 2, "schemas/b.json", { payloads: 200, findings: 1 });
    expect(stream.written[0]).to.match(/^\r\x1b\[K\[1\/2\] 100 payloads · 100\/s · 1 finding · 1\.0 s schemas\/a\.json$/);
    expect(stream.written.at(-1)).to.equal("\r\x1b[K");
  });

  it("says payloads per second from the elapsed time", function () {
    expect(progressText(3, 9, { payloads: 1500, findings: 2 }, 3_000)).to.equal("[3/9] 1,500 payloads · 500/s · 2 findings · 3.0 s");
    expect(progressText(3, 9, undefined, 0)).to.equal("[3/9] 0.0 s");
  });
});
