import { expect } from "chai";
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { Unsatisfiable } from "../../../src/canonical/unsatisfiable.js";
import { GenContext, validArbitrary } from "../../../src/generate/valid/index.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import { listJsonFiles } from "../../../src/schema/load.js";
import { SHARED } from "../../helpers/paths.js";
import { catalogRemotes, fileTarget, schemasWithValidInstances } from "./catalog-targets.js";

const STORE = path.join(SHARED, "corpus/schemastore-full");

/** The proof of unsatisfiability, if building the target or drawing a few payloads ends in one; other failures are not claims. */
function provenUnsatisfiable(file: string, remotes: ReturnType<typeof catalogRemotes>): string | undefined {
  try {
    const target = fileTarget(file, remotes);
    const ctx = new GenContext(target.registry, new Oracle(target.registry));
    fc.sample(validArbitrary(target, ctx), { numRuns: 3, seed: 1 });
  } catch (e) {
    if (e instanceof Unsatisfiable && e.proven) return e.reason.slice(0, 300);
  }
  return undefined;
}

describe("valid generation over SchemaStore's catalog", function () {
  this.timeout(900_000);

  it("calls no schema unsatisfiable that SchemaStore's CI has a valid instance of (test/<name>/)", function () {
    if (!fs.existsSync(path.join(STORE, "schemas"))) {
      console.log(`      skipped: ${STORE} is absent`);
      this.skip();
    }
    const withInstances = schemasWithValidInstances(path.join(STORE, "test"));
    const remotes = catalogRemotes(path.join(STORE, "schemas"));
    const files = listJsonFiles(path.join(STORE, "schemas")).filter((f) => withInstances.has(path.basename(f, ".json")));
    expect(files.length, "schemas with valid instances").to.be.greaterThan(600);
    const claims: string[] = [];
    for (const file of files) {
      const reason = provenUnsatisfiable(file, remotes);
      if (reason !== undefined) claims.push(`${path.basename(file)}: ${reason}`);
    }
    expect(claims).to.deep.equal([]);
  });
});
