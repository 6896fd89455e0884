import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bowtieCase, caseUri, runUri, runUrisIn } from "../../src/adapters/subprocess/bowtie-case.js";
import { loadInputs } from "../../src/schema/load.js";
import { loadSuiteGroups } from "../../src/schema/suite.js";
import { needsShared, SHARED_SUITE, SUITE } from "../helpers/paths.js";
import { listTargets } from "../../src/schema/targets.js";
import type { Target } from "../../src/schema/target.js";
import { fileUri } from "../../src/schema/uri.js";

const DRAFT7 = "http://json-schema.org/draft-07/schema#";

/** Files of one folder: a.json refers to b.json by path (b names itself https://example.com/b.json), to c.json, and to the draft-07 meta-schema. */
const FILES: Record<string, unknown> = {
  "a.json": {
    $schema: DRAFT7,
    properties: { b: { $ref: "b.json#/definitions/x" }, c: { $ref: "c.json" }, meta: { $ref: DRAFT7 } },
    definitions: { local: { $ref: "#/properties/c" }, other: { type: "boolean" } },
  },
  "b.json": { $schema: DRAFT7, $id: "https://example.com/b.json", definitions: { x: { type: "integer" } } },
  "c.json": { $schema: DRAFT7, type: "string" },
  "standalone.json": { $schema: DRAFT7, properties: { n: { $ref: "#/definitions/n" }, id: { $ref: "https://example.com/b.json#/definitions/x" } }, definitions: { n: { type: "null" } } },
  "unused.json": { $schema: DRAFT7, type: "null" },
};

describe("exec: cases shaped as Bowtie shapes them", function () {
  let dir: string;
  let targets: Target[];
  let definitions: Target[];
  const target = (name: string): Target => targets.find((t) => t.file === path.join(dir, name))!;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-bowtie-case-"));
    for (const [name, schema] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), JSON.stringify(schema));
    const loaded = loadInputs([dir], { defaultDialect: "draft-07" });
    targets = listTargets(loaded.documents, loaded.registry, { definitions: false });
    definitions = listTargets(loaded.documents, loaded.registry, { definitions: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("maps file URIs to a non-file host keeping the path, and back", function () {
    const uri = fileUri(path.join(dir, "c.json"));
    expect(caseUri(uri)).to.match(/^https:\/\/file\.schema-conform\.invalid\//).and.to.satisfy((u: string) => u.endsWith("/c.json"));
    expect(runUri(caseUri(uri))).to.equal(uri);
    expect(caseUri("https://example.com/b.json")).to.equal("https://example.com/b.json");
    expect(runUrisIn(`cannot load ${caseUri(uri)}`)).to.equal(`cannot load ${uri}`);
  });

  it("sends a file with path-relative references as a $ref, with only the documents it reaches, each once, under non-file URIs", function () {
    const a = target("a.json");
    const c = bowtieCase(a);
    expect(c.schema).to.deep.equal({ $ref: caseUri(a.uri) });
    const keys = Object.keys(c.registry);
    expect(keys.filter((k) => k.startsWith("file:"))).to.deep.equal([]);
    expect(keys).to.have.members([caseUri(a.uri), "https://example.com/b.json", caseUri(fileUri(path.join(dir, "b.json"))), caseUri(fileUri(path.join(dir, "c.json")))]);
    expect(c.registry[caseUri(a.uri)]).to.deep.equal(FILES["a.json"]);
    expect(c.registry["https://example.com/b.json"]).to.deep.equal(FILES["b.json"]);
  });

  it("serves a document referenced by its path beside its $id as a $ref stub, also at the pointers used (beside allOf: a draft-07 $ref hides its siblings)", function () {
    const stub = bowtieCase(target("a.json")).registry[caseUri(fileUri(path.join(dir, "b.json")))];
    expect(stub).to.deep.equal({ allOf: [{ $ref: "https://example.com/b.json" }], definitions: { x: { $ref: "https://example.com/b.json#/definitions/x" } } });
  });

  it("never sends a dialect meta-schema, even one a schema refers to", function () {
    const keys = Object.keys(bowtieCase(target("a.json")).registry);
    expect(keys.filter((k) => k.startsWith("http://json-schema.org/"))).to.deep.equal([]);
  });

  it("sends inline a document that names itself, and leaves it out of the registry", function () {
    const b = target("b.json");
    const c = bowtieCase(b);
    expect(c.schema).to.equal(b.schema);
    expect(c.registry).to.deep.equal({});
  });

  it("sends inline a document without id whose references are local or absolute, with what they reach", function () {
    const s = target("standalone.json");
    const c = bowtieCase(s);
    expect(c.schema).to.equal(s.schema);
    expect(Object.keys(c.registry)).to.deep.equal(["https://example.com/b.json"]);
  });

  it("sends a suite group's schema inline: its pointer names it in the suite file, yet it is a whole document (a $ref wrapper would move $recursiveRef's dynamic scope)", function () {
    needsShared(this, SHARED_SUITE);
    const groups = loadSuiteGroups(path.join(SUITE, "tests/draft2019-09/recursiveRef.json"), "2019-09", path.join(SUITE, "remotes"));
    for (const g of groups) {
      const c = bowtieCase(g.target);
      expect(c.schema, g.target.id).to.equal(g.target.schema);
    }
  });

  it("sends a definition as a $ref to it, and computes the registry once per document", function () {
    const [first, second] = definitions.filter((t) => t.file === path.join(dir, "a.json"));
    expect(bowtieCase(first!).schema).to.deep.equal({ $ref: caseUri(first!.uri) });
    expect(second).to.not.equal(undefined);
    expect(bowtieCase(first!).registry).to.equal(bowtieCase(second!).registry);
  });
});
