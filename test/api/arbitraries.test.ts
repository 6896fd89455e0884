import { expect } from "chai";
import fc from "fast-check";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { invalidArbitrary, validArbitrary } from "../../src/index.js";
import { EXAMPLES } from "../helpers/paths.js";
import { testSeeds } from "../helpers/seeds.js";

const ORDER = path.join(EXAMPLES, "order.json");
const USER = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: { id: { type: "integer", minimum: 1 }, name: { type: "string", minLength: 1, maxLength: 20 }, role: { enum: ["admin", "member"] } },
  required: ["id", "name"],
  additionalProperties: false,
};

/** An independent check (stock ajv 2020, no format asserted) for the inline schema. */
const stock = new Ajv2020.default({ strict: false }).compile(USER);

describe("public arbitraries: validArbitrary / invalidArbitrary for users' own property tests", function () {
  this.timeout(60_000);

  it("the same seed gives the same values (file and object)", function () {
    for (const schema of [ORDER, USER]) {
      const a = fc.sample(validArbitrary(schema), { seed: 11, numRuns: 30 });
      const b = fc.sample(validArbitrary(schema), { seed: 11, numRuns: 30 });
      expect(a).to.deep.equal(b);
    }
  });

  it("probes: a uint32 field gets 2^32 - 1 and 2^32 with the default (typed), never with probes none; every value stays valid", function () {
    const schema = { $schema: "https://json-schema.org/draft/2020-12/schema", type: "integer", minimum: 0, format: "uint32" };
    const check = new Ajv2020.default({ strict: false, validateFormats: false }).compile(schema);
    const drawn = (probes?: "none" | "typed") => testSeeds([1, 2, 3]).flatMap((seed) => fc.sample(validArbitrary(schema, probes ? { probes } : {}), { seed, numRuns: 200 }));
    const typed = drawn();
    expect(typed.every((v) => check(v))).to.equal(true);
    expect(typed).to.include.members([4294967295, 4294967296]);
    const none = drawn("none");
    expect(none.filter((v) => v === 4294967295 || v === 4294967296)).to.deep.equal([]);
  });

  it("every valid value is valid, every invalid value invalid with a true label (property, fixed seeds plus this run's)", function () {
    const invalid = invalidArbitrary(USER)!;
    expect(invalid).to.not.equal(undefined);
    for (const seed of testSeeds([1, 2, 3])) {
      fc.assert(fc.property(validArbitrary(USER), (v) => stock(v) === true), { seed, numRuns: 100 });
      fc.assert(
        fc.property(invalid, (p) => {
          expect(stock(p.instance), JSON.stringify(p)).to.equal(false);
          expect(p.keyword).to.be.a("string");
          expect(p.schemaPath.endsWith("/" + p.keyword) || p.schemaPath === "", p.schemaPath).to.equal(true);
        }),
        { seed, numRuns: 100 },
      );
    }
  });

  it("shrinking keeps validity and invalidity: a failing user property shrinks to values of the same kind", function () {
    const failingValid = fc.check(fc.property(validArbitrary(USER), (v) => (v as { name: string }).name.length < 3), { seed: 3, numRuns: 200 });
    expect(failingValid.failed).to.equal(true);
    const shrunk = failingValid.counterexample![0];
    expect(stock(shrunk)).to.equal(true);
    expect((shrunk as { name: string }).name.length).to.be.at.least(3);
    const failingInvalid = fc.check(fc.property(invalidArbitrary(USER)!, (p) => p.keyword !== "minimum"), { seed: 3, numRuns: 300 });
    expect(failingInvalid.failed).to.equal(true);
    expect(stock(failingInvalid.counterexample![0].instance)).to.equal(false);
  });

  it("a definition by pointer, and a bad pointer is one InputError", function () {
    const item = fc.sample(validArbitrary(ORDER, { pointer: "/definitions/Line" }), { seed: 1, numRuns: 20 });
    expect(item.every((v) => typeof v === "object" && v !== null && !Array.isArray(v))).to.equal(true);
    expect(() => validArbitrary(ORDER, { pointer: "/nope" })).to.throw(/no schema at this pointer/);
  });
});
