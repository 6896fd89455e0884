import { expect } from "chai";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { Oracle } from "../../src/oracle/oracle.js";
import { loadInputs } from "../../src/schema/load.js";
import { listTargets } from "../../src/schema/targets.js";
import { BIN, CODEX_BUNDLE, EXAMPLES, needsShared, REPO_ROOT, SHARED_CODEX, SHARED_SUITE, SUITE } from "../helpers/paths.js";

function conform(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "conform-cli-"));
const ORDER = path.join(EXAMPLES, "order.json");
const CONTACT = path.join(REPO_ROOT, "test/fixtures/schemas/contact.json");

describe("conform (the real binary)", function () {
  this.timeout(300_000);

  describe("sample", () => {
    it("prints N valid payloads as NDJSON; the same seed prints the same payloads", () => {
      const a = conform("sample", ORDER, "-n", "25", "--seed", "7");
      const b = conform("sample", ORDER, "-n", "25", "--seed", "7");
      expect(a.status).to.equal(0);
      expect(a.stdout).to.equal(b.stdout);
      const lines = a.stdout.trim().split("\n");
      expect(lines).to.have.length(25);
      const { registry, documents } = loadInputs([ORDER], { defaultDialect: "2020-12" });
      const check = new Oracle(registry).check(documents[0]!.uri, "draft-07");
      for (const line of lines) expect(check(JSON.parse(line)), line).to.equal(true);
    });

    it("without a seed prints the seed it chose to stderr, and that seed repeats the run", () => {
      const first = conform("sample", ORDER, "-n", "5");
      const seed = /--seed (-?\d+)/.exec(first.stderr)?.[1];
      expect(seed, first.stderr).to.be.a("string");
      expect(conform("sample", ORDER, "-n", "5", "--seed", seed!).stdout).to.equal(first.stdout);
    });

    it("samples one definition of a bundle by file#pointer", function () {
      needsShared(this, SHARED_CODEX);
      const r = conform("sample", `${CODEX_BUNDLE}#/definitions/ThreadForkResponse`, "-n", "3", "--seed", "1");
      expect(r.status, r.stderr).to.equal(0);
      for (const line of r.stdout.trim().split("\n")) expect(JSON.parse(line)).to.have.property("thread");
    });
  });

  describe("fuzz", () => {
    it("fuzzes the bundled examples and writes a JSON report that its schema accepts; stock ajv's float multipleOf is the one finding", () => {
      const dir = tmp();
      const report = path.join(dir, "r.json");
      const r = conform("fuzz", EXAMPLES, "--runs", "100", "--seed", "3", "--report", `json:${report}`);
      const json = JSON.parse(fs.readFileSync(report, "utf8"));
      const ajv = new Ajv2020.default({ strict: false, validateFormats: false });
      const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema/report.schema.json"), "utf8")));
      expect(validate(json), JSON.stringify(validate.errors)).to.equal(true);
      expect(json.targets).to.have.length(3);
      expect(json.totals.payloads).to.be.greaterThan(0);
      // order.json prices are multiples of 0.01; stock ajv rejects some (0.07 / 0.01 = 7.000000000000001).
      for (const f of json.findings as Array<{ adapter: string; kind: string; target: { file: string } }>) {
        expect([f.adapter, f.kind, path.basename(f.target.file)]).to.deep.equal(["ajv", "false-reject", "order.json"]);
      }
      expect(r.status, r.stderr).to.equal(json.findings.length > 0 ? 1 : 0);
    });

    it("--definitions makes each of the 449 Codex definitions a target, all generated without error", function () {
      needsShared(this, SHARED_CODEX);
      const dir = tmp();
      const report = path.join(dir, "r.json");
      const r = conform("fuzz", CODEX_BUNDLE, "--definitions", "--runs", "6", "--seed", "11", "--report", `json:${report}`);
      expect(r.status, r.stderr).to.equal(0);
      const json = JSON.parse(fs.readFileSync(report, "utf8")) as { targets: Array<{ status: string }> };
      expect(json.targets).to.have.length(449);
      expect(json.targets.filter((t) => t.status !== "ok")).to.deep.equal([]);
    });

    it("reports a planted false-reject with exit 1 and a shrunk, still-valid counterexample", () => {
      const dir = tmp();
      const report = path.join(dir, "r.json");
      const adapter = path.join(REPO_ROOT, "test/fixtures/adapters/ascii-only.mjs");
      // The fixture has no fractional multipleOf: stock ajv, replayed below as the correct validator, misjudges some.
      const r = conform("fuzz", CONTACT, "--adapter", `module:${adapter}`, "--runs", "100", "--seed", "5", "--report", `json:${report}`, "--corpus", path.join(dir, "corpus"));
      expect(r.status, r.stderr + r.stdout).to.equal(1);
      const findings = (JSON.parse(fs.readFileSync(report, "utf8")) as { findings: Array<Record<string, unknown>> }).findings;
      const rejects = findings.filter((f) => f.kind === "false-reject");
      expect(rejects).to.have.length.greaterThan(0);
      const { registry, documents } = loadInputs([CONTACT], { defaultDialect: "2020-12" });
      const check = new Oracle(registry).check(documents[0]!.uri, "draft-07");
      for (const f of rejects) {
        expect(check(f.instance), "the shrunk payload must still be valid").to.equal(true);
        expect(f.oracle).to.equal("valid");
        expect(JSON.stringify(f.instance)).to.match(/[^\x00-\x7f]/);
      }
      expect(fs.readdirSync(path.join(dir, "corpus")).filter((n) => n.endsWith(".json"))).to.have.length.greaterThan(0);

      // The saved counterexample replays: still failing for the buggy adapter (exit 1), passing for ajv (exit 0).
      const again = conform("replay", "--corpus", path.join(dir, "corpus"), "--adapter", `module:${adapter}`);
      expect(again.status, again.stdout + again.stderr).to.equal(1);
      expect(again.stdout).to.match(/false-reject/);
      const fixed = conform("replay", "--corpus", path.join(dir, "corpus"), "--adapter", "ajv");
      expect(fixed.status, fixed.stdout + fixed.stderr).to.equal(0);
      // A whole, self-contained document travels inside its cases: the corpus replays anywhere, the schema file gone.
      const moved = path.join(tmp(), "moved-corpus");
      fs.cpSync(path.join(dir, "corpus"), moved, { recursive: true });
      for (const n of fs.readdirSync(moved)) expect(JSON.parse(fs.readFileSync(path.join(moved, n), "utf8")), n).to.have.property("schema").that.deep.equals(JSON.parse(fs.readFileSync(CONTACT, "utf8")));
      const elsewhere = conform("replay", "--corpus", moved, "--adapter", `module:${adapter}`);
      expect(elsewhere.status, elsewhere.stdout + elsewhere.stderr).to.equal(1);
      // Saving the same findings again adds no file (content-addressed).
      const before = fs.readdirSync(path.join(dir, "corpus")).length;
      conform("fuzz", CONTACT, "--adapter", `module:${adapter}`, "--runs", "100", "--seed", "5", "--corpus", path.join(dir, "corpus"));
      expect(fs.readdirSync(path.join(dir, "corpus")).length).to.equal(before);
    });
  });

  it("keeps a validator's own console output out of the report (hyperjump logs every IDNA error it meets)", () => {
    const file = path.join(tmp(), "idn.json");
    fs.writeFileSync(file, JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", type: "string", format: "idn-hostname" }));
    const r = conform("fuzz", file, "--runs", "200", "--seed", "1", "--adapter", "hyperjump");
    expect([0, 1]).to.include(r.status);
    expect(r.stdout).to.match(/^schema-conform fuzz/);
    expect(r.stdout + r.stderr).to.not.match(/IdnaUnicodeError|\n\s+at /);
  });

  describe("bad input and usage: one line naming file and pointer, exit 2, no stack trace", () => {
    const cases: Array<[string, string, RegExp]> = [
      ["invalid JSON", "{ \"type\": ", /bad\.json: invalid JSON/],
      ["not a schema", "[1, 2]", /bad\.json: not a schema/],
      ["meta-schema violation", JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", properties: { a: { type: 12 } } }), /bad\.json#\/properties\/a\/type: not a valid draft-07 schema/],
      ["unresolvable $ref", JSON.stringify({ properties: { a: { $ref: "#/definitions/missing" } } }), /bad\.json#\/properties\/a\/\$ref: cannot resolve \$ref/],
      ["remote $ref without --remotes", JSON.stringify({ $ref: "https://example.com/other.json" }), /bad\.json#\/\$ref: cannot resolve \$ref/],
    ];
    for (const [what, content, message] of cases) {
      it(what, () => {
        const file = path.join(tmp(), "bad.json");
        fs.writeFileSync(file, content);
        for (const cmd of [["fuzz", file, "--runs", "5", "--seed", "1"], ["sample", file, "--seed", "1"]]) {
          const r = conform(...cmd);
          expect(r.status, r.stderr).to.equal(2);
          const lines = r.stderr.trim().split("\n").filter((l) => l.startsWith("conform:"));
          expect(lines).to.have.length(1);
          expect(lines[0]).to.match(message);
          expect(r.stderr).to.not.match(/\n\s+at /);
        }
      });
    }

    it("a missing file, an unknown adapter, an unknown option", () => {
      expect(conform("fuzz", "/no/such.json").stderr).to.match(/\/no\/such\.json: no such file/);
      const unknown = conform("fuzz", ORDER, "--adapter", "nope");
      expect(unknown.status).to.equal(2);
      expect(unknown.stderr).to.match(/unknown adapter "nope"/);
      expect(conform("fuzz", ORDER, "--bogus").status).to.equal(2);
      expect(conform("fuzz", ORDER, "--runs", "zero").status).to.equal(2);
    });

    it("--verbose adds the stack trace", () => {
      const r = conform("fuzz", "/no/such.json", "--verbose");
      expect(r.status).to.equal(2);
      expect(r.stderr).to.match(/\n\s+at /);
    });

    it("keeps what was found before bad input: the report is written, then exit 2", () => {
      const dir = tmp();
      fs.copyFileSync(ORDER, path.join(dir, "a-order.json"));
      fs.writeFileSync(path.join(dir, "b-bad.json"), JSON.stringify({ properties: { x: { $ref: "#/nowhere" } } }));
      const report = path.join(dir, "r.json");
      const r = conform("fuzz", dir, "--runs", "10", "--seed", "1", "--report", `json:${report}`);
      expect(r.status).to.equal(2);
      const json = JSON.parse(fs.readFileSync(report, "utf8")) as { targets: Array<{ status: string }> };
      expect(json.targets.map((t) => t.status)).to.deep.equal(["ok", "error"]);
    });
  });

  describe("help", () => {
    for (const cmd of ["fuzz", "sample", "replay", "suite", "adapters"]) {
      it(`conform ${cmd} --help explains its options`, () => {
        const r = conform(cmd, "--help");
        expect(r.status).to.equal(0);
        expect(r.stdout).to.match(new RegExp(`Usage: conform ${cmd}`));
      });
    }
    it("conform --help lists every command and the exit statuses", () => {
      const r = conform("--help");
      expect(r.status).to.equal(0);
      for (const cmd of ["fuzz", "sample", "replay", "suite", "adapters"]) expect(r.stdout).to.include(cmd);
      expect(r.stdout).to.match(/Exit status:\n  0 .*\n  1 .*\n  2 .*\n  3 .*\n  4 /);
    });
  });
});

void listTargets;

describe("conform suite (the real binary)", function () {
  this.timeout(300_000);
  it("runs every group of the official draft-07 suite; stock ajv differs from the oracle only where the oracle corrects it", function () {
    needsShared(this, SHARED_SUITE);
    const dir = tmp();
    const report = path.join(dir, "suite.json");
    const r = conform("suite", "--suite", SUITE, "--dialect", "draft-07", "--adapter", "ajv", "--report", `json:${report}`);
    expect([0, 1], r.stderr).to.include(r.status);
    const json = JSON.parse(fs.readFileSync(report, "utf8")) as { targets: unknown[]; findings: Array<{ adapter: string; kind: string }> };
    const folder = path.join(SUITE, "tests/draft7");
    const groups = fs.readdirSync(folder).filter((n) => n.endsWith(".json")).reduce((n, f) => n + (JSON.parse(fs.readFileSync(path.join(folder, f), "utf8")) as unknown[]).length, 0);
    expect(json.targets).to.have.length(groups);
    const stock = json.findings.filter((f) => f.adapter === "ajv") as Array<{ adapter: string; kind: string; target: { file: string } }>;
    // The oracle's corrections (ARCHITECTURE.md): keywords beside $ref ignored in draft-07, decimal multipleOf, properties.__proto__.
    for (const f of stock) expect(path.basename(f.target.file)).to.be.oneOf(["ref.json", "multipleOf.json", "properties.json"]);
    expect(stock.length).to.be.greaterThan(0);
  });

  it("a correct validator that asserts more formats is not blamed: jsonschema-rs on the whole 2020-12 and draft-07 suites, remotes and meta-schemas included", function () {
    needsShared(this, SHARED_SUITE);
    // CI installs adapters/python/requirements.txt; elsewhere this needs `pip install jsonschema-rs`.
    if (spawnSync("python3", ["-c", "import jsonschema_rs"]).status !== 0) this.skip();
    for (const dialect of ["2020-12", "draft-07"]) {
      const report = path.join(tmp(), "suite.json");
      // --formats assert (no longer the 2020-12 default) so that format-differences arise and must not blame it.
      const r = conform("suite", "--suite", SUITE, "--dialect", dialect, "--adapter", "python-jsonschema-rs", "--formats", "assert", "--report", `json:${report}`);
      expect([0, 1], r.stderr).to.include(r.status);
      const json = JSON.parse(fs.readFileSync(report, "utf8")) as { findings: Array<{ adapter: string; kind: string; target: { file: string; pointer: string } }> };
      const blamed = json.findings.filter((f) => f.adapter === "python-jsonschema-rs" && f.kind !== "format-difference");
      expect(blamed.map((f) => `${f.kind} ${path.basename(f.target.file)}#${f.target.pointer}`), dialect).to.deep.equal([]);
      if (dialect === "2020-12") expect(json.findings.filter((f) => f.kind === "format-difference").length).to.be.greaterThan(0);
      // By default (each dialect's own format policy, ajv's known departures settled) the run is clean.
      const byDefault = conform("suite", "--suite", SUITE, "--dialect", dialect, "--adapter", "python-jsonschema-rs");
      expect(byDefault.status, byDefault.stdout.slice(-2000) + byDefault.stderr).to.equal(0);
    }
  });

  it("--fuzz --corpus keeps what it finds, naming suite file and group; replay serves the suite's remotes again and reproduces every case", function () {
    needsShared(this, SHARED_SUITE);
    const corpus = path.join(tmp(), "corpus");
    const r = conform("suite", "--suite", SUITE, "--dialect", "draft-07", "--fuzz", "50", "--seed", "7", "--adapter", "jsonschema", "--corpus", corpus);
    expect(r.status, r.stderr).to.equal(1);
    const cases = fs.readdirSync(corpus).map((n) => JSON.parse(fs.readFileSync(path.join(corpus, n), "utf8")) as { schemaRef: { file: string; pointer: string } });
    expect(cases.length).to.be.greaterThan(0);
    for (const c of cases) expect(c.schemaRef.pointer).to.match(/^\/\d+\/schema$/);
    // refRemote.json's groups need http://localhost:1234/ from the suite's remotes/ folder.
    expect(cases.some((c) => c.schemaRef.file.endsWith("refRemote.json"))).to.equal(true);
    const again = conform("replay", "--corpus", corpus, "--report", `json:${path.join(corpus, "..", "replay.json")}`);
    expect(again.status, again.stderr).to.equal(1);
    const replayed = JSON.parse(fs.readFileSync(path.join(corpus, "..", "replay.json"), "utf8")) as { findings: unknown[] };
    expect(replayed.findings).to.have.length(cases.length);
    expect(conform("suite", "--suite", SUITE, "--corpus", corpus).status).to.equal(2);
  });

  it("says clearly when the suite folder is missing", () => {
    const r = conform("suite", "--suite", "/no/suite/here");
    expect(r.status).to.equal(2);
    expect(r.stderr).to.match(/no such folder/);
  });
});
