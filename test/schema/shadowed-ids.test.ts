import { expect } from "chai";
import fc from "fast-check";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GenContext, sampleValid } from "../../src/generate/valid/index.js";
import { Oracle } from "../../src/oracle/oracle.js";
import { loadInputs } from "../../src/schema/load.js";
import { listTargets } from "../../src/schema/targets.js";
import { forEachSeed } from "../helpers/seeds.js";

/** Two versions of one schema that share an `$id`, as catalogs publish them (anywork-ac-1.0 and -1.1). */
function versionedCopies(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-ids-"));
  const id = "https://example.com/thing.json";
  const v1 = { $schema: "http://json-schema.org/draft-07/schema#", $id: id, type: "object", properties: { a: { $ref: "#/definitions/A" } }, required: ["a"], additionalProperties: false, definitions: { A: { type: "integer" } } };
  const v2 = { $schema: "http://json-schema.org/draft-07/schema#", $id: id, type: "object", properties: { b: { $ref: "#/definitions/B" } }, required: ["b"], additionalProperties: false, definitions: { B: { type: "string" } } };
  fs.mkdirSync(path.join(dir, "served"));
  fs.writeFileSync(path.join(dir, "thing-1.0.json"), JSON.stringify(v1));
  fs.writeFileSync(path.join(dir, "thing-2.0.json"), JSON.stringify(v2));
  fs.writeFileSync(path.join(dir, "served", "thing-old.json"), JSON.stringify(v1));
  fs.writeFileSync(path.join(dir, "served", "thing.json"), JSON.stringify(v2));
  return dir;
}

describe("documents that share an $id (versioned copies in a catalog)", function () {
  this.timeout(60_000);

  it("each input file is generated and judged as itself, the later one with a warning", () => {
    const dir = versionedCopies();
    const loaded = loadInputs([path.join(dir, "thing-1.0.json"), path.join(dir, "thing-2.0.json")], { defaultDialect: "2020-12" });
    expect(loaded.warnings.map((w) => w.message).join("\n")).to.match(/also the \$id of .*thing-1\.0\.json/);
    const ctx = new GenContext(loaded.registry, new Oracle(loaded.registry));
    const [first, second] = listTargets(loaded.documents, loaded.registry, { definitions: false });
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const a = sampleValid(first!, ctx, 5, seed);
          const b = sampleValid(second!, ctx, 5, seed);
          expect(a.every((v) => typeof (v as Record<string, unknown>).a === "number")).to.equal(true);
          expect(b.every((v) => typeof (v as Record<string, unknown>).b === "string")).to.equal(true);
          expect(a.every(ctx.oracle.check(first!.uri, first!.dialect))).to.equal(true);
          expect(b.every(ctx.oracle.check(second!.uri, second!.dialect))).to.equal(true);
        }),
        { seed, numRuns: 20 },
      ),
    );
  });

  it("in a remotes folder, the file served at its own $id owns it, whatever the file order", () => {
    const dir = versionedCopies();
    const { registry } = loadInputs([], { defaultDialect: "2020-12", remotes: [{ uri: "https://example.com/", dir: path.join(dir, "served") }] });
    const owner = registry.lookup("https://example.com/thing.json");
    const copy = registry.lookup("https://example.com/thing-old.json");
    expect(owner?.document.file).to.match(/served\/thing\.json$/);
    expect(copy?.document.file).to.match(/thing-old\.json$/);
    const oracle = new Oracle(registry);
    expect(oracle.check("https://example.com/thing.json", "draft-07")({ b: "x" })).to.equal(true);
    expect(oracle.check("https://example.com/thing-old.json", "draft-07")({ a: 1 })).to.equal(true);
    expect(oracle.check("https://example.com/thing-old.json", "draft-07")({ b: "x" })).to.equal(false);
  });

  it("when the inputs are also served as remotes (a whole catalog), the served owner keeps the $id for both", () => {
    const dir = versionedCopies();
    const served = path.join(dir, "served");
    const loaded = loadInputs([served], { defaultDialect: "2020-12", remotes: [{ uri: "https://example.com/", dir: served }] });
    expect(loaded.registry.lookup("https://example.com/thing.json")?.document.file).to.match(/served\/thing\.json$/);
    const byFile = new Map(loaded.documents.map((d) => [path.basename(d.file), d.uri]));
    expect(byFile.get("thing.json")).to.equal("https://example.com/thing.json");
    expect(byFile.get("thing-old.json")).to.match(/^file:.*thing-old\.json$/);
  });
});
