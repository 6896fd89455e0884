import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { runConform } from "../cli/run-conform.js";
import { makeMiniSuite, MINI_ADAPTERS, MINI_SUITE_FILE, type MiniSuite } from "../cli/mini-suite.js";
import { SUITE, needsShared, type SharedData } from "../helpers/paths.js";
import { bowtieSchemasAjv } from "./bowtie-schemas.js";
const BOWTIE_SCHEMAS: SharedData = { relativePath: "bowtie/schemas/report.json", what: "Bowtie's published report schema" };
const SUITE_DRAFT7: SharedData = { relativePath: "json-schema-test-suite/tests/draft7", what: "the official JSON-Schema-Test-Suite" };

/** Bowtie's report schema, with every schema it refers to. */
function bowtieReportValidator(): ValidateFunction {
  return bowtieSchemasAjv().getSchema("tag:bowtie.report,2024:report")!;
}

type Line = Record<string, unknown>;
const linesOf = (file: string): Line[] => fs.readFileSync(file, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Line);

describe("--report bowtie: Bowtie's report format", function () {
  this.timeout(180_000);
  let mini: MiniSuite;
  before(() => (mini = makeMiniSuite()));
  after(() => mini.remove());

  it("writes a header, each case with one result line per adapter (its verdict per test, or the case errored), then a footer", async () => {
    const out = path.join(mini.dir, "bowtie.ndjson");
    const args = ["suite", "--suite", mini.suite, "--dialect", "draft-07", "--known-failures", "/nonexistent", "--report", `bowtie:${out}`];
    const r = await runConform([...args, "--adapter", mini.adapter("lenient.mjs", MINI_ADAPTERS.lenient("lenient")), "--adapter", mini.adapter("nothing.mjs", MINI_ADAPTERS.compilesNothing("nothing"))], { timeoutMs: 90_000 });
    expect(r.status, r.stderr).to.equal(1);
    const lines = linesOf(out);
    expect(Object.keys(lines[0]!.implementations as object)).to.deep.equal(["conform-lenient", "conform-nothing"]);
    expect(lines[0]!.dialect).to.equal("http://json-schema.org/draft-07/schema#");
    expect(lines.at(-1)).to.deep.equal({ did_fail_fast: false });
    const cases = lines.filter((l) => "case" in l);
    expect(cases.map((c) => (c.case as { description: string }).description)).to.deep.equal(MINI_SUITE_FILE.map((g) => g.description));
    const results = lines.filter((l) => "implementation" in l);
    expect(results).to.have.length(4);
    expect(results[0]).to.deep.equal({ seq: 0, implementation: "conform-lenient", expected: [true, false], results: [{ valid: true }, { valid: true }] });
    expect(results[1]).to.deep.equal({ seq: 0, implementation: "conform-nothing", expected: [true, false], errored: true, caught: true, context: { message: "cannot compile" } });
  });

  it("refuses bowtie: where there are no suite cases (conform fuzz, suite --fuzz) before any work (exit 2)", async () => {
    const r = await runConform(["fuzz", path.join(mini.dir, "none.json"), "--report", `bowtie:${path.join(mini.dir, "x.ndjson")}`], { timeoutMs: 30_000 });
    expect(r.status).to.equal(2);
    expect(r.stderr).to.include("only conform suite writes Bowtie reports");
  });

  it("is valid against Bowtie's report schema, line by line, on the official draft-07 suite", async function () {
    needsShared(this, BOWTIE_SCHEMAS);
    needsShared(this, SUITE_DRAFT7);
    const out = path.join(mini.dir, "suite.ndjson");
    const r = await runConform(["suite", "--suite", SUITE, "--dialect", "draft-07", "--adapter", "cfworker", "--adapter", "ajv", "--report", `bowtie:${out}`], { timeoutMs: 150_000 });
    expect(r.status, r.stderr).to.be.oneOf([0, 1]);
    const validate = bowtieReportValidator();
    const lines = linesOf(out);
    const invalid = lines.filter((l) => !validate(l)).map((l) => `${JSON.stringify(l).slice(0, 200)}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
    expect(invalid).to.deep.equal([]);
    const cases = lines.filter((l) => "case" in l).length;
    expect(lines.filter((l) => "implementation" in l)).to.have.length(cases * 2);
  });
});
