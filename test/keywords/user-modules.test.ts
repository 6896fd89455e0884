import { expect } from "chai";
import fc from "fast-check";
import path from "node:path";
import { invalidArbitrary, InvalidStats, type InvalidPayload } from "../../src/generate/invalid/index.js";
import { validArbitrary } from "../../src/generate/valid/index.js";
import { forgetUserFormats, forgetUserKeywords, keywordNamed, loadFormatModule, loadKeywordModule, ModuleProblem } from "../../src/keywords/index.js";
import type { Dialect } from "../../src/schema/dialect.js";
import type { Json, JsonObject } from "../../src/schema/json.js";
import { inlineFixture, type Fixture } from "../generate/invalid/fixtures.js";
import { SEEDS } from "../generate/invalid/helpers.js";
import { REPO_ROOT } from "../helpers/paths.js";
import { PETS } from "./pets.js";

function valids(f: Fixture, runs = 30): Json[] {
  return SEEDS.flatMap((seed) => fc.sample(validArbitrary(f.target, f.ctx), { numRuns: runs, seed }));
}

function invalids(f: Fixture, runs = 40): InvalidPayload[] {
  const arb = invalidArbitrary(f.target, f.ctx, new InvalidStats());
  expect(arb, "invalid payloads").to.not.equal(undefined);
  return SEEDS.flatMap((seed) => fc.sample(arb!, { numRuns: runs, seed }));
}

function oracleOf(f: Fixture): (v: Json) => boolean {
  return f.ctx.oracle.check(f.target.uri, f.target.dialect);
}

describe("keyword modules: OpenAPI nullable, a user's discriminator, a user's format", function () {
  afterEach(function () {
    forgetUserKeywords();
    forgetUserFormats();
  });

  for (const dialect of ["draft-07", "2020-12"] as Dialect[]) {
    it(`nullable: true (${dialect}): valid payloads are sometimes null, all oracle-valid; breaking type never picks null`, function () {
      const f = inlineFixture({ type: "string", nullable: true, maxLength: 3 }, dialect);
      const values = valids(f);
      expect(values).to.include(null);
      expect(values.filter((v) => typeof v === "string").length).to.be.greaterThan(0);
      expect(values.every(oracleOf(f))).to.equal(true);
      const broken = invalids(f).filter((p) => p.label.keyword === "type");
      expect(broken.length).to.be.greaterThan(0);
      expect(broken.map((p) => p.instance)).to.not.include(null);
      expect(broken.every((p) => !oracleOf(f)(p.instance))).to.equal(true);
    });
  }

  it("without nullable, breaking type may pick null (the hook, not the type mutator, makes the difference)", function () {
    const f = inlineFixture({ type: "string", maxLength: 3 }, "2020-12");
    expect(invalids(f).filter((p) => p.label.keyword === "type").map((p) => p.instance)).to.include(null);
  });

  it("discriminator (examples/keywords/discriminator.ts): the oracle applies ajv's discriminator; valid payloads carry a branch's tag; nothing is labelled discriminator, since no payload breaks it alone", async function () {
    this.timeout(60000);
    const untagged = { ...PETS, required: [] as string[], oneOf: [{ properties: { petType: { const: "cat" } } }, { properties: { petType: { const: "dog" } } }] };
    // Without the module, ajv ignores discriminator: the schema without a required tag compiles.
    expect(() => oracleOf(inlineFixture(untagged, "2020-12"))({})).to.not.throw();
    const name = await loadKeywordModule("module:examples/keywords/discriminator.ts", REPO_ROOT);
    expect(name).to.equal("discriminator");
    // With it, ajv's own rule applies: the tag must be required.
    expect(() => oracleOf(inlineFixture(untagged, "2020-12"))({})).to.throw(/must be required/);
    const f = inlineFixture(PETS, "2020-12");
    const values = valids(f) as JsonObject[];
    expect(values.every((v) => v.petType === "cat" || v.petType === "dog")).to.equal(true);
    expect(values.every(oracleOf(f))).to.equal(true);
    const broken = invalids(f);
    expect(broken.length).to.be.greaterThan(0);
    expect(broken.filter((p) => p.label.keyword === "discriminator")).to.deep.equal([]);
    expect(broken.every((p) => !oracleOf(f)(p.instance))).to.equal(true);
  });

  it("a format module (examples/formats/rust-integers.ts, uint8): valid payloads lie in 0..255, near misses break format alone", async function () {
    this.timeout(60000);
    expect(await loadFormatModule("uint8=module:examples/formats/rust-integers.ts", REPO_ROOT)).to.equal("uint8");
    const f = inlineFixture({ type: "integer", format: "uint8" }, "2020-12");
    const values = valids(f) as number[];
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).to.equal(true);
    expect(new Set(values).size).to.be.greaterThan(10);
    const broken = invalids(f).filter((p) => p.label.keyword === "format");
    expect(broken.map((p) => p.instance)).to.include.members([-1, 256]);
    expect(broken.every((p) => !oracleOf(f)(p.instance))).to.equal(true);
    expect(oracleOf(f)(255)).to.equal(true);
  });

  it("a keyword module with its own check: generated from its candidates, judged by its validate, broken by its breaks", async function () {
    const file = path.join(REPO_ROOT, "test/fixtures/keywords/even.mjs");
    await loadKeywordModule(`module:${file}`);
    expect(keywordNamed("even")?.vocabulary).to.equal("user");
    const f = inlineFixture({ type: "integer", even: true, minimum: 10, maximum: 40 }, "2020-12");
    const values = valids(f) as number[];
    expect(values.every((v) => v % 2 === 0 && v >= 10 && v <= 40)).to.equal(true);
    const broken = invalids(f).filter((p) => p.label.keyword === "even");
    expect(broken.length).to.be.greaterThan(0);
    expect(broken.every((p) => (p.instance as number) % 2 !== 0)).to.equal(true);
  });

  it("a module that cannot be used is one clear problem naming it", async function () {
    const problems: string[] = [];
    for (const spec of ["module:test/fixtures/keywords/nowhere.mjs", "module:test/fixtures/keywords/no-validate.mjs", "path/without/prefix.mjs"]) {
      try {
        await loadKeywordModule(spec, REPO_ROOT);
      } catch (e) {
        expect(e).to.be.instanceOf(ModuleProblem);
        problems.push((e as Error).message);
      }
    }
    expect(problems).to.have.length(3);
    expect(problems[0]).to.match(/nowhere\.mjs: cannot load/);
    expect(problems[1]).to.match(/validate .* is required/);
    expect(problems[2]).to.match(/expected module:PATH/);
    try {
      await loadFormatModule("uint9=module:examples/formats/rust-integers.ts", REPO_ROOT);
      expect.fail("uint9 is not exported");
    } catch (e) {
      expect((e as Error).message).to.match(/no format named "uint9"/);
    }
    try {
      await loadKeywordModule("module:test/fixtures/keywords/redefines-type.mjs", REPO_ROOT);
      expect.fail("type is built in");
    } catch (e) {
      expect((e as Error).message).to.match(/built-in keyword/);
    }
  });
});
