import { expect } from "chai";
import path from "node:path";
import { listAdapters, createAdapter } from "../../src/adapters/spec.js";
import type { Adapter } from "../../src/adapters/adapter.js";
import { loadCorpusReplayCases } from "../../src/corpus/index.js";
import { replayCases, targetOf } from "../../src/run/replay.js";
import { Oracle } from "../../src/oracle/oracle.js";
import { REPO_ROOT } from "../helpers/paths.js";

const CORPUS = path.join(REPO_ROOT, "corpus");

describe("the project's corpus (counterexamples found in real validators)", function () {
  this.timeout(120_000);
  const options = { formats: "assert" as const, defaultDialect: "2020-12" as const, remotes: [], command: "replay" as const };

  it("holds cases, and ajv agrees with every recorded verdict (no false alarm was saved)", async () => {
    const cases = await loadCorpusReplayCases(CORPUS);
    expect(cases.length).to.be.greaterThan(0);
    for (const c of cases) {
      const target = targetOf(c, options);
      const valid = new Oracle(target.registry).check(target.uri, target.dialect)(c.data);
      expect(valid, `${c.origin.file}: ${c.description}`).to.equal(c.valid);
    }
  });

  it("replays against the adapters available here; each gives a verdict and the run reports which bugs still reproduce", async () => {
    const cases = await loadCorpusReplayCases(CORPUS);
    const available = new Set((await listAdapters()).filter((a) => a.available).map((a) => a.name));
    const names = [...new Set(cases.map((c) => c.found!.adapter))].filter((n) => available.has(n));
    const adapters: Adapter[] = [];
    try {
      for (const n of names) adapters.push(await createAdapter(n));
      const { report } = await replayCases(cases, adapters, { ...options, adaptersFor: (c, all) => all.filter((a) => a.name === c.found?.adapter) });
      for (const a of report.adapters) expect(a.checked, a.name).to.be.greaterThan(0);
      const reproduced = new Set(report.findings.map((f) => f.message));
      process.stdout.write(`      corpus: ${cases.length} case(s), ${reproduced.size} still reproduce with today's validators\n`);
      expect(report.findings.filter((f) => f.kind === "oracle-disagreement")).to.deep.equal([]);
    } finally {
      await Promise.allSettled(adapters.map((a) => a.close()));
    }
  });
});
