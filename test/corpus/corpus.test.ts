import { expect } from "chai";
import fc from "fast-check";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { CorpusCase } from "../../src/corpus/case.js";
import { caseFromFinding } from "../../src/corpus/from-finding.js";
import { corpusReplayCases, loadCorpus } from "../../src/corpus/load.js";
import { caseFileName, saveCase } from "../../src/corpus/save.js";
import { InputError } from "../../src/schema/errors.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { sampleReport } from "../report/fixtures.js";
import { forEachSeedAsync } from "../helpers/seeds.js";

const minLengthCase: CorpusCase = {
  description: "false-accept by python-jsonschema on schemas/person.json",
  dialect: "draft-07",
  schema: { type: "object", properties: { name: { type: "string", minLength: 1 } } },
  tests: [{ description: "shrunk counterexample, breaking minLength", data: { name: "", extra: [1, 2] }, valid: false }],
  found: { adapter: "python-jsonschema", kind: "false-accept", keyword: "minLength", seed: 42, schemaPath: "/properties/name/minLength", instancePath: "/name", path: "3:1" },
};

async function expectInputError(promise: Promise<unknown>, pointer: string, reason: RegExp): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    expect((error as InputError).pointer).to.equal(pointer);
    expect((error as InputError).reason).to.match(reason);
    return error as InputError;
  }
  throw new Error("expected an InputError");
}

describe("corpus: save and load", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "conform-corpus-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("saves a case under its content hash, creating the folder, and loads it back", async () => {
    const corpus = join(dir, "new", "corpus");
    const saved = await saveCase(corpus, minLengthCase);
    expect(saved.added).to.equal(true);
    expect(saved.path).to.equal(join(corpus, caseFileName(minLengthCase)));
    expect(saved.path).to.match(/[0-9a-f]{20}\.json$/);
    const loaded = await loadCorpus(corpus);
    expect(loaded).to.deep.equal([{ file: saved.path, case: minLengthCase }]);
  });

  it("writes pretty JSON in the test-suite shape, keys in a fixed order", async () => {
    const saved = await saveCase(dir, { ...minLengthCase, found: { ...minLengthCase.found, path: undefined } });
    const text = await readFile(saved.path, "utf8");
    expect(Object.keys(JSON.parse(text))).to.deep.equal(["description", "dialect", "schema", "tests", "found"]);
    expect(text).to.match(/^\{\n {2}"description": /);
    expect(JSON.parse(text).found).not.to.have.property("path");
  });

  it("does not write the same counterexample twice, whatever its description, seed or key order", async () => {
    const first = await saveCase(dir, minLengthCase);
    const again = await saveCase(dir, {
      ...minLengthCase,
      description: "found again",
      tests: [{ description: "other words", data: { extra: [1, 2], name: "" }, valid: false }],
      found: { ...minLengthCase.found, seed: 7, path: "0" },
    });
    expect(again).to.deep.equal({ path: first.path, added: false });
    expect(await readdir(dir)).to.deep.equal([caseFileName(minLengthCase)]);
  });

  it("keeps apart cases that differ in schema, data, expected verdict or adapter", async () => {
    const variants: CorpusCase[] = [
      minLengthCase,
      { ...minLengthCase, schema: { type: "object" } },
      { ...minLengthCase, tests: [{ ...minLengthCase.tests[0]!, data: { name: "" } }] },
      { ...minLengthCase, tests: [{ ...minLengthCase.tests[0]!, valid: true }] },
      { ...minLengthCase, found: { ...minLengthCase.found, adapter: "cfworker" } },
    ];
    for (const variant of variants) expect((await saveCase(dir, variant)).added).to.equal(true);
    expect(await readdir(dir)).to.have.length(variants.length);
  });

  it("leaves no temporary file, even when many writers save the same case at once", async () => {
    await Promise.all(Array.from({ length: 12 }, () => saveCase(dir, minLengthCase)));
    expect(await readdir(dir)).to.deep.equal([caseFileName(minLengthCase)]);
    expect(JSON.parse(await readFile(join(dir, caseFileName(minLengthCase)), "utf8")).found.seed).to.equal(42);
  });

  it("round-trips any JSON data and schema", async () => {
    await forEachSeedAsync([1], (seed) =>
      fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.oneof(fc.boolean(), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })), fc.boolean(), async (data, schema, valid) => {
          const c: CorpusCase = { ...minLengthCase, schema: schema as JsonSchema, tests: [{ description: "t", data, valid }] };
          const saved = await saveCase(dir, c);
          const loaded = (await loadCorpus(dir)).find((l) => l.file === saved.path);
          expect(loaded?.case).to.deep.equal(JSON.parse(JSON.stringify(c)));
        }),
        { seed, numRuns: 60 },
      ),
    );
  });

  it("stores a schemaRef relative to the corpus folder and resolves it back for replay", async () => {
    const corpus = join(dir, "corpus");
    const bundle = join(dir, "schemas", "bundle.json");
    const c: CorpusCase = {
      description: "definition of a large bundle",
      schemaRef: { file: relative(process.cwd(), bundle), pointer: "/definitions/InitializeParams" },
      tests: [{ description: "t", data: {}, valid: false }],
      found: { adapter: "hyperjump", kind: "false-accept", keyword: "required", seed: 1 },
    };
    const saved = await saveCase(corpus, c);
    expect(JSON.parse(await readFile(saved.path, "utf8")).schemaRef).to.deep.equal({ file: "../schemas/bundle.json", pointer: "/definitions/InitializeParams" });
    const [replay] = corpusReplayCases(await loadCorpus(corpus));
    expect(resolve(replay!.schemaRef!.file)).to.equal(bundle);
    expect(replay!.schema).to.equal(undefined);
  });

  it("turns a finding into a case that replays its shrunk instance with the label as expected verdict", async () => {
    const finding = sampleReport.findings[0]!;
    await saveCase(dir, caseFromFinding(finding, { schemaRef: { file: finding.target.file, pointer: finding.target.pointer } }, "draft-07"));
    const [replay] = corpusReplayCases(await loadCorpus(dir));
    expect(replay).to.include({ valid: false, dialect: "draft-07" });
    expect(replay!.data).to.deep.equal(finding.instance);
    expect(replay!.found).to.include({ adapter: "python-jsonschema", kind: "false-accept", keyword: "minLength", seed: 42 });
    expect(replay!.origin.pointer).to.equal("/tests/0");
    expect(resolve(replay!.schemaRef!.file)).to.equal(resolve(finding.target.file));
  });

  it("reads sub-folders in name order and skips hidden and non-JSON files", async () => {
    await saveCase(join(dir, "b"), minLengthCase);
    await saveCase(join(dir, "a"), { ...minLengthCase, found: { ...minLengthCase.found, adapter: "z" } });
    await writeFile(join(dir, `.${caseFileName(minLengthCase)}.123.abc.tmp`), "{ half-writ");
    await writeFile(join(dir, "README.md"), "# corpus");
    const files = (await loadCorpus(dir)).map((l) => relative(dir, l.file).split("/")[0]);
    expect(files).to.deep.equal(["a", "b"]);
  });

  it("treats a missing folder as an empty corpus", async () => {
    expect(await loadCorpus(join(dir, "nothing-here"))).to.deep.equal([]);
  });

  describe("refuses a bad corpus file, naming file and pointer", () => {
    const cases: Array<[string, unknown, string, RegExp]> = [
      ["not JSON", "{", "", /not valid JSON/],
      ["an array", [minLengthCase], "", /must be an object/],
      ["no found", { ...minLengthCase, found: undefined }, "", /missing "found"/],
      ["a non-boolean valid", { ...minLengthCase, tests: [{ description: "t", data: 1, valid: "no" }] }, "/tests/0/valid", /boolean/],
      ["a test without data", { ...minLengthCase, tests: [{ description: "t", valid: true }] }, "/tests/0", /missing "data"/],
      ["an unknown kind", { ...minLengthCase, found: { ...minLengthCase.found, kind: "bug" } }, "/found/kind", /unknown kind "bug"/],
      ["a fractional seed", { ...minLengthCase, found: { ...minLengthCase.found, seed: 1.5 } }, "/found/seed", /integer/],
      ["an unknown dialect", { ...minLengthCase, dialect: "draft-99" }, "/dialect", /unknown dialect/],
      ["schema and schemaRef", { ...minLengthCase, schemaRef: { file: "a.json", pointer: "" } }, "", /both "schema" and "schemaRef"/],
      ["a schema that is a number", { ...minLengthCase, schema: 3 }, "/schema", /must be a schema/],
      ["a schemaRef without pointer", { ...minLengthCase, schema: undefined, schemaRef: { file: "a.json" } }, "/schemaRef", /missing "pointer"/],
    ];
    for (const [what, content, pointer, reason] of cases) {
      it(`with ${what}`, async () => {
        const file = join(dir, "bad.json");
        await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
        const error = await expectInputError(loadCorpus(dir), pointer, reason);
        expect(error.file).to.equal(file);
      });
    }
  });

  it("reports an unreadable corpus path as an InputError", async () => {
    const file = join(dir, "a-file");
    await writeFile(file, "");
    await expectInputError(loadCorpus(file), "", /cannot read corpus folder/);
  });
});
