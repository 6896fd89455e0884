import { expect } from "chai";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Ajv as AjvCore } from "ajv";
import { readKnownFailures, shippedKnownFailuresDir } from "../../src/report/compliance-known.js";
import { BUILT_IN_ADAPTER_NAMES } from "../../src/adapters/spec.js";
import { REPO_ROOT, SUITE, needsShared, SHARED_SUITE } from "../helpers/paths.js";

const require = createRequire(import.meta.url);
const FOLDER: Record<string, string> = { "draft-04": "draft4", "draft-06": "draft6", "draft-07": "draft7", "2019-09": "draft2019-09", "2020-12": "draft2020-12" };

describe("the shipped known-failures lists", () => {
  const files = fs.readdirSync(shippedKnownFailuresDir()).filter((n) => n.endsWith(".json"));

  it("are one per built-in adapter, valid against schema/known-failures.schema.json, no entry twice", () => {
    expect(files.length).to.be.greaterThan(0);
    const Ajv2020 = require("ajv/dist/2020").default as new (o: object) => AjvCore;
    const validate = new Ajv2020({ strict: true }).compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema/known-failures.schema.json"), "utf8")) as object);
    for (const name of files) {
      expect(BUILT_IN_ADAPTER_NAMES, name).to.include(name.replace(/\.json$/, ""));
      const doc = JSON.parse(fs.readFileSync(path.join(shippedKnownFailuresDir(), name), "utf8")) as unknown;
      expect(validate(doc), `${name}: ${JSON.stringify(validate.errors)}`).to.equal(true);
      const keys = readKnownFailures(path.join(shippedKnownFailuresDir(), name)).map((k) => JSON.stringify([k.dialect, k.file, k.group, k.test]));
      expect(new Set(keys).size, name).to.equal(keys.length);
    }
  });

  it("name tests that exist in the official suite (a renamed test would leave an entry that matches nothing)", function () {
    needsShared(this, SHARED_SUITE);
    const missing: string[] = [];
    for (const name of files) {
      for (const k of readKnownFailures(path.join(shippedKnownFailuresDir(), name))) {
        const file = path.join(SUITE, "tests", FOLDER[k.dialect]!, k.file);
        const groups = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Array<{ description: string; tests: Array<{ description: string }> }>) : [];
        const group = groups.find((g) => g.description === k.group);
        if (!group || (k.test !== undefined && !group.tests.some((t) => t.description === k.test))) missing.push(`${name}: ${k.dialect} ${k.file} / ${k.group} / ${k.test ?? "*"}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });
});
