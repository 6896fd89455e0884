import { expect } from "chai";
import fc from "fast-check";
import path from "node:path";
import { GenContext, validArbitrary } from "../../../src/generate/valid/index.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import { InputError } from "../../../src/schema/errors.js";
import { listJsonFiles, loadInputs } from "../../../src/schema/load.js";
import type { Target } from "../../../src/schema/target.js";
import { listTargets } from "../../../src/schema/targets.js";
import { CODEX_BUNDLE, needsShared, SCHEMASTORE as STORE, SHARED_CODEX, SHARED_SCHEMASTORE } from "../../helpers/paths.js";

/** SchemaStore files whose $refs name files that are not in the folder (see its SOURCE.md). */
const MISSING_REFS: Record<string, string> = {
  "package.json": "refers to ava.json, jscpd.json, madge.json and quikrun.json",
  "eslintrc.json": "refers to partial-eslint-plugins.json",
  "pyproject.json": "refers to 25 partial-*.json and tool schemas",
};

interface Verdict {
  target: string;
  invalid: number;
  error?: string;
}

function judge(targets: Target[], ctx: GenContext, oracle: Oracle, runs: number): Verdict[] {
  return targets.map((t, i) => {
    try {
      const payloads = fc.sample(validArbitrary(t, ctx), { numRuns: runs, seed: 1000 + i });
      const check = oracle.check(t.uri, t.dialect);
      return { target: t.id, invalid: payloads.filter((p) => !check(p)).length };
    } catch (e) {
      return { target: t.id, invalid: 0, error: `${(e as Error).name}: ${(e as Error).message}` };
    }
  });
}

describe("valid generation: real schemas, 100 payloads each, all valid under ajv", function () {
  this.timeout(300_000);

  it("every SchemaStore schema of the corpus (but those referring to files not in it)", function () {
    needsShared(this, SHARED_SCHEMASTORE);
    const files = listJsonFiles(STORE).filter((f) => !(path.basename(f) in MISSING_REFS));
    const { registry, documents } = loadInputs(files, { defaultDialect: "draft-07" });
    const oracle = new Oracle(registry);
    const verdicts = judge(listTargets(documents, registry, { definitions: false }), new GenContext(registry, oracle), oracle, 100);
    expect(verdicts.length).to.equal(files.length);
    expect(verdicts.filter((v) => v.error || v.invalid > 0)).to.deep.equal([]);
  });

  it("the skipped SchemaStore schemas do refer to files missing from the folder", function () {
    needsShared(this, SHARED_SCHEMASTORE);
    for (const name of Object.keys(MISSING_REFS)) {
      const { registry, documents } = loadInputs([path.join(STORE, name)], { defaultDialect: "draft-07" });
      const ctx = new GenContext(registry, new Oracle(registry));
      const [target] = listTargets(documents, registry, { definitions: false });
      expect(() => fc.sample(validArbitrary(target!, ctx), { numRuns: 100, seed: 1 }), name).to.throw(InputError, /cannot resolve \$ref/);
    }
  });

  it("every definition of the Codex app-server-protocol bundle, and its separate files", function () {
    needsShared(this, SHARED_CODEX);
    const { registry, documents } = loadInputs([CODEX_BUNDLE], { defaultDialect: "draft-07" });
    const oracle = new Oracle(registry);
    const targets = listTargets(documents, registry, { definitions: true });
    expect(targets).to.have.length(449);
    const verdicts = judge(targets, new GenContext(registry, oracle), oracle, 100);
    expect(verdicts.filter((v) => v.error || v.invalid > 0)).to.deep.equal([]);
    const separate = listJsonFiles(path.dirname(CODEX_BUNDLE)).filter((f) => f !== CODEX_BUNDLE);
    const loaded = loadInputs(separate, { defaultDialect: "draft-07" });
    const separateOracle = new Oracle(loaded.registry);
    const separateVerdicts = judge(listTargets(loaded.documents, loaded.registry, { definitions: false }), new GenContext(loaded.registry, separateOracle), separateOracle, 100);
    expect(separateVerdicts.filter((v) => v.error || v.invalid > 0)).to.deep.equal([]);
  });
});
