import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Adapter, Verdict } from "../../src/adapters/adapter.js";
import { loadCorpusReplayCases } from "../../src/corpus/load.js";
import { fuzz } from "../../src/index.js";
import type { Finding } from "../../src/model/finding.js";
import { replayCases } from "../../src/run/replay.js";
import { reportValidator } from "../report/report-schema.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const SCHEMA = { $schema: S, type: "object", properties: { n: { type: "integer", minimum: 0, maximum: 4294967296, format: "uint32" } }, required: ["n"], additionalProperties: false };

/**
 * A typed consumer in JavaScript reading the text it is sent, as a Rust `u32` would: `n` must
 * be written as digits and fit 32 bits. It sees `1.0`, `-0`, `1e2` only through `texts`.
 */
function u32Reader(seen: string[] = []): Adapter {
  return {
    name: "u32-reader",
    dialects: [S],
    async prepare() {
      return { ok: true, handle: null };
    },
    async validate(_p, instances, texts): Promise<Verdict[]> {
      return instances.map((instance, i) => {
        const text = texts?.[i] ?? JSON.stringify(instance);
        seen.push(text);
        const n = /"n":([-0-9.eE+]+)/.exec(text)?.[1] ?? "";
        return { valid: /^\d+$/.test(n) && BigInt(n) <= 4294967295n };
      });
    },
    async close() {},
  };
}

describe("probes in a fuzzing run: labelled findings, exact texts to the adapter, kept through shrinking and the corpus", function () {
  this.timeout(120_000);
  let dir: string;
  let file: string;
  before(function () {
    dir = mkdtempSync(path.join(tmpdir(), "conform-probes-"));
    file = path.join(dir, "u32.json");
    writeFileSync(file, JSON.stringify(SCHEMA));
  });
  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it("all: each probe the consumer rejects is a finding naming it; a spelled one carries its exact text, which the adapter was sent", async function () {
    const report = await fuzz({ schemas: [file], adapters: [u32Reader()], seed: 5, runs: 200, probes: "all", corpus: path.join(dir, "corpus") });
    expect(reportValidator()(report), "the report follows schema/report.schema.json").to.equal(true);
    expect(report.probes).to.equal("all");
    const rejects = report.findings.filter((f) => f.kind === "false-reject");
    const named = rejects.flatMap((f) => (f.probes ?? []).map((m) => m.probe));
    expect(named).to.include("uint32 max+1");
    const spelled = rejects.filter((f) => f.text !== undefined);
    expect(spelled.length, "a spelled probe (-0, 1.0, 1e2) is rejected by a digits-only reader").to.be.greaterThan(0);
    for (const f of spelled) {
      const mark = f.probes!.find((m) => m.text !== undefined)!;
      expect(f.text).to.contain(`"n":${mark.text}`);
      expect(JSON.parse(f.text!)).to.deep.equal(f.instance);
    }
    // shrinking kept each finding's probe: n still holds the value the probe named
    for (const f of rejects.filter((x) => x.probes)) expect((f.instance as { n: unknown }).n, JSON.stringify(f)).to.not.equal(undefined);
  });

  it("the corpus replays the same text: the consumer gets `-0`/`1.0` again and rejects again", async function () {
    const cases = await loadCorpusReplayCases(path.join(dir, "corpus"));
    const withText = cases.filter((c) => c.probes?.some((m) => m.text !== undefined));
    expect(withText.length).to.be.greaterThan(0);
    const seen: string[] = [];
    const result = await replayCases(withText, [u32Reader(seen)], { formats: "assert", defaultDialect: "2020-12", remotes: [], command: "replay" });
    const texts = withText.flatMap((c) => c.probes!.filter((m) => m.text !== undefined).map((m) => m.text!));
    for (const t of texts) expect(seen.some((s) => s.includes(`"n":${t}`)), t).to.equal(true);
    const replayed: Finding[] = result.report.findings.filter((f) => f.kind === "false-reject");
    expect(replayed.length).to.equal(withText.length);
    expect(replayed.every((f) => f.text !== undefined)).to.equal(true);
  });

  it("none: no finding names a probe and the adapter is sent no spelled text", async function () {
    const seen: string[] = [];
    const report = await fuzz({ schemas: [file], adapters: [u32Reader(seen)], seed: 5, runs: 200, probes: "none" });
    expect(report.probes).to.equal("none");
    expect(report.findings.filter((f) => f.probes !== undefined || f.text !== undefined)).to.deep.equal([]);
    expect(seen.filter((t) => /"n":(-0|\d+\.0|\d+e)/.test(t))).to.deep.equal([]);
  });
});
