import { expect } from "chai";
import path from "node:path";
import { unsupportedVocabulary } from "../../src/run/vocabulary.js";
import { loadSuiteGroups } from "../../src/schema/suite.js";
import { needsShared, SHARED_SUITE, SUITE } from "../helpers/paths.js";

describe("targets whose meta-schema declares its own $vocabulary", () => {
  it("are not judged by the oracle (ajv ignores $vocabulary); standard targets are", function () {
    needsShared(this, SHARED_SUITE);
    const dir = path.join(SUITE, "tests/draft2020-12");
    const custom = loadSuiteGroups(path.join(dir, "vocabulary.json"), "2020-12", path.join(SUITE, "remotes"));
    expect(custom).to.have.length.greaterThan(0);
    for (const g of custom) expect(unsupportedVocabulary(g.target), g.description).to.match(/declares its own \$vocabulary/);
    const standard = loadSuiteGroups(path.join(dir, "minimum.json"), "2020-12", path.join(SUITE, "remotes"));
    for (const g of standard) expect(unsupportedVocabulary(g.target), g.description).to.equal(undefined);
  });
});
