import { expect } from "chai";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { BIN, REPO_ROOT } from "../helpers/paths.js";

function conform(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder holding the given files (strings and bytes as they are, anything else as JSON). */
function folder(files: Record<string, string | Buffer | object>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-input-"));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  }
  return dir;
}

const stderrLines = (r: { stderr: string }): string[] => r.stderr.trim().split("\n").filter((l) => l !== "");

describe("bad input and schemas as people write them (the real binary)", function () {
  this.timeout(300_000);

  describe("one file, named alone", () => {
    const cases: Array<[string, string | Buffer | object, RegExp]> = [
      ["non-UTF-8 bytes", Buffer.concat([Buffer.from('{"description":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]), /^conform: .*s\.json: not UTF-8: bad byte 0xe9 at byte offset 19$/],
      ["a number beyond double range", '{"maximum": 1e400}', /^conform: .*s\.json#\/maximum: number 1e400 is beyond double range$/],
      ["an invalid regex [", { pattern: "[" }, /^conform: .*s\.json#\/pattern: invalid regular expression "\[": Unterminated character class/],
      ["an unknown Unicode property \\p{Foo}, nested", { properties: { a: { pattern: "\\p{Foo}" } } }, /^conform: .*s\.json#\/properties\/a\/pattern: invalid regular expression "\\\\p\{Foo\}": Invalid property name/],
      ['{"$ref":"#"}', { $ref: "#" }, /^conform: .*s\.json#\/\$ref: reference cycle that never reaches into the instance: # → #/],
      ["a schema nested 10,000 levels deep", '{"not":'.repeat(10_000) + "{}" + "}".repeat(10_000), /^conform: .*s\.json#(\/not)+\/…\(\d+ more tokens\)…(\/not)+: nests deeper than 4000 levels: the oracle \(ajv\) compiles schemas recursively and cannot judge it$/],
      ["a two-definition cycle with no base case", { $defs: { a: { $ref: "#/$defs/b" }, b: { $ref: "#/$defs/a" } }, $ref: "#/$defs/a" }, /^conform: .*s\.json#\/\$defs\/b\/\$ref: reference cycle that never reaches into the instance: #\/\$defs\/a → #\/\$defs\/b → #\/\$defs\/a/],
    ];
    for (const [what, content, line] of cases) {
      it(`${what}: exit 2 at once, one line naming file and pointer, no stack trace (sample and fuzz)`, () => {
        const file = path.join(folder({ "s.json": content }), "s.json");
        for (const r of [conform("sample", file, "-n", "3", "--seed", "1"), conform("fuzz", file, "--runs", "4", "--seed", "1")]) {
          expect(r.status, r.stderr).to.equal(2);
          expect(stderrLines(r)).to.have.length(1);
          expect(stderrLines(r)[0]).to.match(line);
          expect(r.stdout).to.equal("");
        }
      });
    }
  });

  describe("read with a warning, and run", () => {
    it("a UTF-8 byte order mark", () => {
      const file = path.join(folder({ "s.json": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"type":"integer","minimum":3}')]) }), "s.json");
      const r = conform("sample", file, "-n", "5", "--seed", "1");
      expect(r.status, r.stderr).to.equal(0);
      expect(stderrLines(r)).to.deep.equal([`conform: warning: ${file}: starts with a UTF-8 byte order mark, which JSON forbids (RFC 8259 §8.1); read without it`]);
      for (const line of r.stdout.trim().split("\n")) expect(JSON.parse(line)).to.be.at.least(3);
    });

    it("duplicate keys: the pointer of each, and the last value wins", () => {
      const file = path.join(folder({ "s.json": '{"properties":{"a":{"type":"string","type":"integer"}},"required":["a"],"type":"object"}' }), "s.json");
      const r = conform("sample", file, "-n", "5", "--seed", "1");
      expect(r.status, r.stderr).to.equal(0);
      expect(stderrLines(r)).to.deep.equal([`conform: warning: ${file}#/properties/a/type: duplicate key: the last value is kept (JSON.parse's reading, which every validator is given)`]);
      for (const line of r.stdout.trim().split("\n")) expect(Number.isInteger(JSON.parse(line).a)).to.equal(true);
    });

    it("non-canonical $schema URIs: the nearest dialect, named in the warning", () => {
      const dir = folder({
        "unversioned.json": { $schema: "http://json-schema.org/schema#", type: "object", properties: { id: { type: "string" } }, required: ["id"] },
        "hyper.json": { $schema: "http://json-schema.org/draft-04/hyper-schema#", type: "string", links: [] },
        "spaces.json": { $schema: "http://json-schema.org/draft-07/schema# ", type: "boolean" },
      });
      const r = conform("fuzz", dir, "--runs", "10", "--seed", "1");
      expect(r.status, r.stderr + r.stdout).to.equal(0);
      const warnings = stderrLines(r).filter((l) => l.startsWith("conform: warning: "));
      expect(warnings).to.have.length(3);
      expect(warnings.join("\n")).to.match(/hyper\.json#\/\$schema: .* read as draft-04/).and.match(/spaces\.json#\/\$schema: .* read as draft-07/).and.match(/unversioned\.json#\/\$schema: .* read as draft-04/);
    });

    it("a meta-schema failure ajv itself compiles (draft-04 `required: []`) is read as ajv reads it; one ajv refuses is bad input", () => {
      const lenient = path.join(folder({ "s.json": { $schema: "http://json-schema.org/draft-04/schema#", type: "object", required: [] } }), "s.json");
      const r = conform("sample", lenient, "-n", "2", "--seed", "1");
      expect(r.status, r.stderr).to.equal(0);
      expect(stderrLines(r)).to.deep.equal([`conform: warning: ${lenient}#/required: not a valid draft-04 schema: must NOT have fewer than 1 items; ajv compiles it anyway (strict: false), and it is read as ajv reads it`]);
      const refused = path.join(folder({ "s.json": { $schema: "http://json-schema.org/draft-04/schema#", properties: { a: { required: true } } } }), "s.json");
      const bad = conform("sample", refused, "-n", "2", "--seed", "1");
      expect(bad.status).to.equal(2);
      expect(stderrLines(bad)).to.deep.equal([`conform: ${refused}#/properties/a/required: not a valid draft-04 schema: must be array (ajv refuses it too: required value must be ["array"])`]);
    });
  });

  describe("draft-03", () => {
    const draft3 = { $schema: "http://json-schema.org/draft-03/schema#", type: "string" };

    it("sample: a skip with its reason, exit 0, no payloads", () => {
      const file = path.join(folder({ "s.json": draft3 }), "s.json");
      const r = conform("sample", file, "-n", "2", "--seed", "1");
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.equal("");
      expect(stderrLines(r)).to.deep.equal([`conform: skipped: ${file}#/$schema: draft-03 is not supported: ajv cannot judge it`]);
    });

    it("fuzz: a skipped target with the reason in the report, exit 4 (a target was not tested)", () => {
      const dir = folder({ "d3.json": draft3, "good.json": { type: "string" } });
      const report = path.join(dir, "r.json");
      const r = conform("fuzz", dir, "--runs", "4", "--seed", "1", "--report", `json:${report}`);
      expect(r.status, r.stderr).to.equal(4);
      const targets = (JSON.parse(fs.readFileSync(report, "utf8")) as { targets: Array<{ target: { file: string }; status: string; message?: string }> }).targets;
      expect(targets.map((t) => [path.basename(t.target.file), t.status, t.message])).to.deep.equal([
        ["good.json", "ok", undefined],
        ["d3.json", "skipped", "draft-03 is not supported: ajv cannot judge it"],
      ]);
    });
  });

  describe("a folder with bad files", () => {
    it("with no good file at all, still names every bad one, writes its report, and exits 2", () => {
      const dir = folder({ "a.json": { pattern: "[" }, "b.json": { $ref: "#" } });
      const report = path.join(dir, "r.json");
      const r = conform("fuzz", dir, "--runs", "4", "--seed", "1", "--report", `json:${report}`);
      expect(r.status, r.stderr).to.equal(2);
      expect(stderrLines(r).map((l) => l.replace(dir + path.sep, ""))).to.deep.equal([
        'conform: a.json#/pattern: invalid regular expression "[": Unterminated character class (ECMA-262 with the u flag, as ajv compiles it)',
        "conform: b.json#/$ref: reference cycle that never reaches into the instance: # → # (a validator following it never ends)",
      ]);
      const targets = (JSON.parse(fs.readFileSync(report, "utf8")) as { targets: Array<{ status: string }> }).targets;
      expect(targets.map((t) => t.status)).to.deep.equal(["error", "error"]);
    });

    it("fuzzes the good file, writes the report with the bad ones in error, lists each bad one on one line, exits 2", () => {
      const dir = folder({ "a-bad.json": '{"type": ', "b-good.json": '{"type": "integer", "maximum": 5, "maximum": 6}', "c-regex.json": { pattern: "[" }, "d-array.json": [1] });
      const report = path.join(dir, "out", "r.json");
      fs.mkdirSync(path.dirname(report));
      const r = conform("fuzz", dir, "--runs", "10", "--seed", "1", "--report", `json:${report}`);
      expect(r.status, r.stderr).to.equal(2);
      expect(stderrLines(r)).to.deep.equal([
        `conform: warning: ${path.join(dir, "b-good.json")}#/maximum: duplicate key: the last value is kept (JSON.parse's reading, which every validator is given)`,
        `conform: ${path.join(dir, "a-bad.json")}: invalid JSON: Unexpected end of JSON input`,
        `conform: ${path.join(dir, "d-array.json")}: not a schema: a schema is an object or a boolean, this is an array`,
        `conform: ${path.join(dir, "c-regex.json")}#/pattern: invalid regular expression "[": Unterminated character class (ECMA-262 with the u flag, as ajv compiles it)`,
      ]);
      const json = JSON.parse(fs.readFileSync(report, "utf8")) as { targets: Array<{ target: { file: string }; status: string; payloads: { valid: number; invalid: number } }>; inputWarnings: unknown };
      const validate = new Ajv2020.default({ strict: false, validateFormats: false }).compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema/report.schema.json"), "utf8")));
      expect(validate(json), JSON.stringify(validate.errors)).to.equal(true);
      const byFile = Object.fromEntries(json.targets.map((t) => [path.basename(t.target.file), t]));
      expect(byFile["b-good.json"]!.status).to.equal("ok");
      expect(byFile["b-good.json"]!.payloads.valid).to.be.greaterThan(0);
      for (const bad of ["a-bad.json", "c-regex.json", "d-array.json"]) expect(byFile[bad]!.status, bad).to.equal("error");
      expect(json.inputWarnings).to.deep.equal([{ file: path.join(dir, "b-good.json"), pointer: "/maximum", message: "duplicate key: the last value is kept (JSON.parse's reading, which every validator is given)" }]);
    });
  });
});
