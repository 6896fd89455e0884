import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { runConform } from "../cli/run-conform.js";
import { bowtieSchemasAjv } from "../report/bowtie-schemas.js";
import { EXAMPLES, REPO_ROOT, SUITE, hasShared, needsShared, type SharedData } from "../helpers/paths.js";

const SHARED_BOWTIE_SCHEMAS: SharedData = { relativePath: "bowtie/schemas/io", what: "Bowtie's published harness-protocol schemas" };
const SHARED_SUITE_DRAFT7: SharedData = { relativePath: "json-schema-test-suite/tests/draft7", what: "the official JSON-Schema-Test-Suite" };
const RECORDER = path.join(REPO_ROOT, "test/fixtures/harnesses/record-requests.mjs");
const CORRECT = path.join(REPO_ROOT, "test/fixtures/harness/correct.mjs");

/** Files whose references reach a second file by path, one by its `$id` and one by a path beside that `$id`, and a meta-schema. */
const LINKED: Record<string, unknown> = {
  "order.json": {
    $schema: "http://json-schema.org/draft-07/schema#",
    definitions: { Order: { properties: { line: { $ref: "line.json" }, money: { $ref: "money.json" }, meta: { $ref: "http://json-schema.org/draft-07/schema#" } } } },
  },
  "line.json": { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { money: { $ref: "https://example.com/money.json#/definitions/Amount" } } },
  "money.json": { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://example.com/money.json", type: "number", definitions: { Amount: { type: "number", minimum: 0 } } },
};

/** A saved counterexample whose schema refers to the 2020-12 meta-schema, to replay. */
const CORPUS_CASE = {
  description: "a saved case",
  schema: { $schema: "https://json-schema.org/draft/2020-12/schema", properties: { n: { $ref: "#/$defs/n" }, s: { $ref: "https://json-schema.org/draft/2020-12/schema" } }, $defs: { n: { type: "integer" } } },
  tests: [{ description: "an integer", data: { n: 1 }, valid: true }],
  found: { adapter: "exec:recorded", kind: "false-reject", keyword: null, seed: 1 },
};

/** Bowtie's harness-protocol command schema, with every schema Bowtie publishes. */
function bowtieCommandValidator(): ValidateFunction {
  return bowtieSchemasAjv().compile({ $ref: "tag:bowtie.report,2023:ihop#/$defs/command" });
}

describe("exec: every request the client sends follows Bowtie's io schema", function () {
  this.timeout(180_000);
  let dir: string;
  let log: string;
  const harness = () => `exec:${process.execPath} ${RECORDER} ${log} ${process.execPath} ${CORRECT}`;

  before(function () {
    needsShared(this, SHARED_BOWTIE_SCHEMAS);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-bowtie-protocol-"));
    log = path.join(dir, "requests.jsonl");
    fs.mkdirSync(path.join(dir, "linked"));
    for (const [name, schema] of Object.entries(LINKED)) fs.writeFileSync(path.join(dir, "linked", name), JSON.stringify(schema));
    fs.mkdirSync(path.join(dir, "corpus"));
    fs.writeFileSync(path.join(dir, "corpus", "case.json"), JSON.stringify(CORPUS_CASE));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("in fuzz (a folder and linked bundles), replay and suite mode (remotes, meta-schemas)", async function () {
    const runs: string[][] = [
      ["fuzz", EXAMPLES, "--runs", "4", "--seed", "1", "--adapter", harness()],
      ["fuzz", path.join(dir, "linked"), "--definitions", "--runs", "4", "--seed", "1", "--adapter", harness()],
      ["replay", "--corpus", path.join(dir, "corpus"), "--adapter", harness()],
    ];
    if (hasShared(this, SHARED_SUITE_DRAFT7)) runs.push(["suite", "--suite", SUITE, "--dialect", "draft-07", "--adapter", harness()]);
    for (const args of runs) {
      const r = await runConform(args, { timeoutMs: 150_000 });
      expect(r.status, r.stderr).to.be.oneOf([0, 1]);
    }
    const requests = fs.readFileSync(log, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as { cmd: string; case?: { registry?: object } });
    const validate = bowtieCommandValidator();
    const invalid = requests.filter((r) => !validate(r)).map((r) => ({ request: JSON.stringify(r).slice(0, 300), errors: validate(r) ? [] : validate.errors?.slice(0, 3) }));
    expect(invalid).to.deep.equal([]);
    const commands = new Set(requests.map((r) => r.cmd));
    expect([...commands]).to.have.members(["start", "dialect", "run", "stop"]);
    const keys = requests.flatMap((r) => Object.keys(r.case?.registry ?? {}));
    expect(keys.length, "some case carries a registry").to.be.above(0);
    expect(keys.filter((k) => k.startsWith("file:") || /^https?:\/\/json-schema\.org\//.test(k))).to.deep.equal([]);
  });
});
