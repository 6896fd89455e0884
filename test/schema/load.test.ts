import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { InputError } from "../../src/schema/errors.js";
import { loadInputs } from "../../src/schema/load.js";
import { listTargets } from "../../src/schema/targets.js";
import { CODEX_BUNDLE, EXAMPLES, needsShared, SHARED_CODEX, SHARED_SUITE, SUITE } from "../helpers/paths.js";

function tempDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-load-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

describe("schema loading", () => {
  it("reads every *.json below a folder, sorted, and detects each dialect from $schema", () => {
    const { documents } = loadInputs([EXAMPLES], { defaultDialect: "2020-12" });
    expect(documents.map((d) => path.basename(d.file))).to.deep.equal(["AccountUpdatedNotification.json", "file-tree.json", "order.json"]);
    expect(documents.map((d) => d.dialect)).to.deep.equal(["draft-07", "2020-12", "draft-07"]);
  });

  it("uses the default dialect for a schema without $schema", () => {
    const dir = tempDir({ "a.json": { type: "string" } });
    const { documents } = loadInputs([dir], { defaultDialect: "draft-06" });
    expect(documents[0]!.dialect).to.equal("draft-06");
    expect(documents[0]!.declaresDialect).to.equal(false);
  });

  it("makes every definition of the Codex bundle a target, none skipped", function () {
    needsShared(this, SHARED_CODEX);
    const { registry, documents } = loadInputs([CODEX_BUNDLE], { defaultDialect: "2020-12" });
    const targets = listTargets(documents, registry, { definitions: true });
    const defs = Object.keys((JSON.parse(fs.readFileSync(CODEX_BUNDLE, "utf8")) as { definitions: object }).definitions);
    expect(targets).to.have.length(defs.length).and.length(449);
    for (const t of targets) expect(registry.lookup(t.uri), t.uri).to.not.equal(undefined);
  });

  it("names the file, line and column of invalid JSON", () => {
    const dir = tempDir({ "bad.json": '{\n  "type": "object",\n  oops\n}' });
    expect(() => loadInputs([path.join(dir, "bad.json")], { defaultDialect: "2020-12" })).to.throw(InputError, /bad\.json: invalid JSON.*line 3/);
  });

  it("rejects a document that is not an object or boolean, and an unknown $schema", () => {
    const dir = tempDir({ "arr.json": [1], "odd.json": { $schema: "http://example.com/mine" } });
    expect(() => loadInputs([path.join(dir, "arr.json")], { defaultDialect: "2020-12" })).to.throw(InputError, /not a schema/);
    expect(() => loadInputs([path.join(dir, "odd.json")], { defaultDialect: "2020-12" })).to.throw(InputError, /odd\.json#\/\$schema: unknown dialect/);
  });

  it("says which input does not exist", () => {
    expect(() => loadInputs(["/nonexistent/x.json"], { defaultDialect: "2020-12" })).to.throw(InputError, /\/nonexistent\/x\.json: no such file/);
  });

  it("serves a remotes folder at its URI prefix, by relative path", function () {
    needsShared(this, SHARED_SUITE);
    const { registry } = loadInputs([], { defaultDialect: "2020-12", remotes: [{ uri: "http://localhost:1234/", dir: path.join(SUITE, "remotes") }] });
    const found = registry.lookup("http://localhost:1234/draft2020-12/integer.json");
    expect(found?.schema).to.deep.include({ type: "integer" });
    expect(registry.lookup("http://localhost:1234/draft2020-12/subSchemas.json#/$defs/integer")?.schema).to.deep.include({ type: "integer" });
  });
});
