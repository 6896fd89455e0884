import { expect } from "chai";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { groupFindings, type RandomFinding } from "../../src/compare/bug-groups.js";
import { writeBugSuite } from "../../src/corpus/suite-writer.js";
import { loadSuiteGroups } from "../../src/schema/suite.js";
import { SUITE, SHARED_SUITE, needsShared } from "../helpers/paths.js";

const examples: RandomFinding[] = [
  {
    dialect: "2020-12", schema: { $schema: "https://json-schema.org/draft/2020-12/schema", items: { multipleOf: 1 } }, instance: [5e-9], valid: false,
    disagreement: ["hyperjump=valid"], observations: { ajv: "invalid", hyperjump: "valid" }, standing: "confirmed", shrunk: true, origin: { target: "random-2020-12-3.json", seed: 12 },
  },
  {
    dialect: "draft-04", schema: { $schema: "http://json-schema.org/draft-04/schema#", maximum: -54 }, instance: false, valid: true,
    disagreement: ["python-fastjsonschema=invalid"], observations: { ajv: "valid", "python-fastjsonschema": "invalid" }, standing: "confirmed", shrunk: true, origin: { target: "random-draft-04-1.json", seed: 12 },
  },
];

describe("random schemas: suite-format output", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "conform-bug-suite-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes one file per bug and dialect that validates against the official suite's test-schema.json", async function () {
    needsShared(this, SHARED_SUITE);
    const testSchema = JSON.parse(await readFile(join(SUITE, "test-schema.json"), "utf8")) as object;
    const validate = new Ajv2020({ strict: false }).compile(testSchema);
    const files = await writeBugSuite(dir, groupFindings(examples));
    expect(files.map((f) => f.slice(dir.length + 1).replace(/random-[0-9a-f]+/, "random-H"))).to.deep.equal(["tests/draft2020-12/random-H.json", "tests/draft4/random-H.json"]);
    for (const file of files) {
      const content = JSON.parse(await readFile(file, "utf8")) as unknown;
      expect(validate(content), `${file}: ${JSON.stringify(validate.errors)}`).to.equal(true);
    }
  });

  it("is read back by the suite loader (`conform suite --suite DIR`), with the oracle's verdict as `valid`", async () => {
    await writeBugSuite(dir, groupFindings(examples));
    const groups = loadSuiteGroups(join(dir, "tests", "draft2020-12"), "2020-12");
    expect(groups).to.have.length(1);
    expect(groups[0]!.tests.map((t) => [t.data, t.valid])).to.deep.equal([[[5e-9], false]]);
  });
});
