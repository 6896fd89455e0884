import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import { needsShared, REPO_ROOT, SHARED, SHARED_CATALOG } from "../helpers/paths.js";
import { judgeCatalogInstances, type InstanceVerdict } from "./instances.js";

const CATALOG = path.join(SHARED, SHARED_CATALOG.relativePath);
const EXCEPTIONS = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test/catalog/instance-exceptions.json"), "utf8")) as {
  notJudged: Record<string, string>;
  disagreements: Record<string, string>;
};

/** An exception's key names one instance file, or every instance of a folder with `<folder>/*`. */
function listed(file: string): string | undefined {
  return Object.keys(EXCEPTIONS.disagreements).find((k) => k === file || (k.endsWith("/*") && file.startsWith(k.slice(0, -1))));
}

describe("SchemaStore's own instances under the oracle (test/ valid, negative_test/ invalid; JSON, YAML, TOML)", function () {
  this.timeout(300_000);
  let verdicts: InstanceVerdict[] = [];

  before(function () {
    needsShared(this, SHARED_CATALOG);
    verdicts = judgeCatalogInstances(CATALOG);
  });

  it("judges every instance of a schema the catalog holds whole, and says why for the rest", () => {
    const unjudged = verdicts.filter((v) => typeof v.oracle !== "boolean");
    const unexplained = [...new Set(unjudged.map((v) => v.schema))].filter((s) => !(s in EXCEPTIONS.notJudged));
    expect(unexplained, "instances not judged, with no reason in test/catalog/instance-exceptions.json").to.deep.equal([]);
    const stale = Object.keys(EXCEPTIONS.notJudged).filter((s) => !unjudged.some((v) => v.schema === s));
    expect(stale, "notJudged entries whose instances are now judged").to.deep.equal([]);
    expect(verdicts.length - unjudged.length).to.be.greaterThan(3_000);
  });

  it("agrees with SchemaStore's CI on every judged instance, except the listed ones, each explained", () => {
    const disagreeing = verdicts.filter((v) => typeof v.oracle === "boolean" && v.oracle !== v.expected);
    const unexplained = disagreeing.filter((v) => listed(v.file) === undefined).map((v) => `${v.file}: SchemaStore says ${v.expected ? "valid" : "invalid"}, the oracle ${v.oracle ? "valid" : "invalid"}`);
    expect(unexplained, "new disagreements").to.deep.equal([]);
    const stale = Object.keys(EXCEPTIONS.disagreements).filter((k) => !disagreeing.some((v) => listed(v.file) === k));
    expect(stale, "listed disagreements that no longer disagree").to.deep.equal([]);
    console.log(`      ${verdicts.length} instances, ${disagreeing.length} disagreements (all explained), ${verdicts.filter((v) => typeof v.oracle !== "boolean").length} not judged`);
  });
});
