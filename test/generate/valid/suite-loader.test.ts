import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isObject } from "../../../src/schema/json.js";
import { loadSuiteGroups } from "../../../src/schema/suite.js";
import { needsShared, SHARED_SUITE } from "../../helpers/paths.js";
import { SUITE_ROOT } from "./suite-outcomes.js";

describe("loadSuiteGroups (src/schema/suite.ts)", function () {
  before(function () {
    needsShared(this, SHARED_SUITE);
  });
  const remotes = path.join(SUITE_ROOT, "remotes");

  it("reads every group of a file as a target at /<index>/schema, with its tests", function () {
    const file = path.join(SUITE_ROOT, "tests/draft7/ref.json");
    const groups = loadSuiteGroups(file, "draft-07", remotes);
    expect(groups.length).to.be.greaterThan(10);
    groups.forEach((g, i) => {
      expect(g.index).to.equal(i);
      expect(g.target.pointer).to.equal(`/${i}/schema`);
      expect(g.target.file).to.equal(file);
      expect(g.target.registry.lookup(g.target.uri)?.schema).to.equal(g.target.schema);
      expect(g.tests.length).to.be.greaterThan(0);
    });
  });

  it("gives each group its own registry: groups reusing an $id do not shadow each other", function () {
    const dir = mkdtempSync(path.join(tmpdir(), "suite-loader-"));
    try {
      const file = path.join(dir, "same-id.json");
      const group = (type: string) => ({ description: type, schema: { $id: "http://localhost:1234/same.json", type }, tests: [{ description: "t", data: 1, valid: true }] });
      writeFileSync(file, JSON.stringify([group("string"), group("integer")]));
      const [a, b] = loadSuiteGroups(file, "2020-12", remotes);
      expect(a!.target.uri).to.equal(b!.target.uri);
      expect(a!.target.registry.lookup(a!.target.uri)?.schema).to.deep.include({ type: "string" });
      expect(b!.target.registry.lookup(b!.target.uri)?.schema).to.deep.include({ type: "integer" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("serves the remotes at http://localhost:1234/ and knows the dialects' meta-schemas", function () {
    const [g] = loadSuiteGroups(path.join(SUITE_ROOT, "tests/draft2020-12/refRemote.json"), "2020-12", remotes);
    const registry = g!.target.registry;
    expect(isObject(registry.lookup("http://localhost:1234/draft2020-12/integer.json")?.schema)).to.equal(true);
    expect(registry.lookup("https://json-schema.org/draft/2020-12/schema")).to.not.equal(undefined);
    expect(registry.lookup("http://json-schema.org/draft-04/schema#")).to.not.equal(undefined);
  });

  it("takes a group's dialect from its $schema, else from the folder", function () {
    const groups = loadSuiteGroups(path.join(SUITE_ROOT, "tests/draft2019-09/ref.json"), "2019-09", remotes);
    expect(new Set(groups.map((g) => g.target.dialect))).to.deep.equal(new Set(["2019-09"]));
  });
});
