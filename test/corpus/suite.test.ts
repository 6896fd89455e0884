import { expect } from "chai";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { groupReplayCases, loadSuiteFile } from "../../src/corpus/load.js";
import { InputError } from "../../src/schema/errors.js";
import { getAtPointer } from "../../src/schema/pointer.js";
import { needsShared, SHARED_SUITE, SUITE } from "../helpers/paths.js";

const draft7 = join(SUITE, "tests/draft7");

describe("corpus: official JSON-Schema-Test-Suite files", () => {
  for (const name of ["type.json", "ref.json"]) {
    it(`reads draft7/${name} into one replay case per test, pointing back at each test`, async function () {
      needsShared(this, SHARED_SUITE);
      const file = join(draft7, name);
      const groups = JSON.parse(await readFile(file, "utf8")) as Array<{ description: string; schema: unknown; tests: unknown[] }>;
      const cases = await loadSuiteFile(file, "draft-07");
      expect(cases).to.have.length(groups.reduce((n, g) => n + g.tests.length, 0));
      for (const c of cases) {
        const test = getAtPointer(groups, c.origin.pointer) as { description: string; data: unknown; valid: boolean };
        const group = getAtPointer(groups, c.origin.groupPointer) as { description: string; schema: unknown };
        expect(c.data).to.deep.equal(test.data);
        expect(c.valid).to.equal(test.valid);
        expect(c.schema).to.deep.equal(group.schema);
        expect(c.description).to.equal(`${group.description} / ${test.description}`);
        expect(c).to.include({ dialect: "draft-07" });
        expect(c.origin.file).to.equal(file);
        expect(c.found).to.equal(undefined);
      }
      expect(groupReplayCases(cases)).to.have.length(groups.length);
    });
  }

  it("groups consecutive tests of one group for one compile per schema", async function () {
    needsShared(this, SHARED_SUITE);
    const cases = await loadSuiteFile(join(draft7, "type.json"));
    const batches = groupReplayCases(cases);
    for (const batch of batches) expect(new Set(batch.map((c) => c.origin.groupPointer)).size).to.equal(1);
    expect(batches.flat()).to.deep.equal(cases);
    expect(cases[0]).not.to.have.property("dialect");
  });

  describe("bad suite files", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), "conform-suite-"));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("names the file and the pointer of the offending value", async () => {
      const file = join(dir, "bad.json");
      await writeFile(file, JSON.stringify([{ description: "g", schema: {}, tests: [{ description: "a", data: 1, valid: true }, { description: "b", data: 2 }] }]));
      try {
        await loadSuiteFile(file);
        expect.fail("expected an InputError");
      } catch (error) {
        expect(error).to.be.instanceOf(InputError);
        expect(error).to.include({ file, pointer: "/0/tests/1" });
        expect((error as InputError).message).to.equal(`${file}#/0/tests/1: missing "valid"`);
      }
    });

    it("refuses a file that is not an array of groups", async () => {
      const file = join(dir, "object.json");
      await writeFile(file, JSON.stringify({ description: "g" }));
      try {
        await loadSuiteFile(file);
        expect.fail("expected an InputError");
      } catch (error) {
        expect(error).to.include({ file, pointer: "", reason: "must be an array" });
      }
    });
  });
});
