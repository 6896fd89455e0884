import { expect } from "chai";
import fc from "fast-check";
import { Unsatisfiable } from "../../../src/canonical/unsatisfiable.js";
import { asReported, GenContext, GenerationGaveUp, validArbitrary } from "../../../src/generate/valid/index.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import type { JsonObject, JsonSchema } from "../../../src/schema/json.js";
import { buildError, target, validPayloads } from "./helpers.js";
import { forEachSeed } from "../../helpers/seeds.js";

/**
 * Each schema here reduces a real-world pattern that was once declared unsatisfiable (or gave
 * up, or overflowed the stack) although instances exist. Each must now generate payloads ajv
 * accepts, over many seeds; the tags and key names vary per property run.
 */

/** `n` if/then rules keyed on the value of `tag`: more combinations than are built eagerly. */
function ifThenChain(n: number, tagRequired: boolean, thenHasChoice: boolean): JsonSchema {
  const allOf: JsonSchema[] = [];
  for (let i = 0; i < n; i++) {
    const then: JsonObject = { properties: { [`x${i}`]: { type: "integer", minimum: i } } };
    if (thenHasChoice) then.anyOf = [{ required: [`x${i}`] }, { properties: { [`y${i}`]: { type: "string" } } }, { required: [`z${i}`] }];
    allOf.push({ if: { properties: { tag: { const: `t${i}` } } }, then });
  }
  return { type: "object", properties: { tag: { type: "string" } }, ...(tagRequired ? { required: ["tag"] } : {}), allOf };
}

/** Dependencies whose schemas each name the value of a tag (one of them through a oneOf): at most one kind can be present. */
function tagByDependency(kinds: number): JsonSchema {
  const dependencies: JsonObject = {};
  for (let i = 0; i < kinds; i++) {
    dependencies[`k${i}`] = i % 2 === 0 ? { oneOf: [{ properties: { tag: { const: `a${i}` } } }, { properties: { tag: { const: `b${i}` } } }] } : { properties: { tag: { const: `c${i}` } } };
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { tag: { type: "string" } }, dependencies };
}

/**
 * Flags f_i (required booleans) each deciding, through a oneOf, whether the detail d_i is
 * required (true) or must be null (false), and each flag also deciding the next detail: a key
 * left out to satisfy one oneOf's negation must not become "forbidden" for the next choices.
 */
function flagsAndDetails(n: number): JsonSchema {
  const properties: JsonObject = {};
  const allOf: JsonSchema[] = [];
  const rule = (flag: string, detail: string): JsonSchema => ({
    oneOf: [{ properties: { [flag]: { enum: [false] }, [detail]: { type: "null" } } }, { properties: { [flag]: { enum: [true] } }, required: [flag, detail] }],
  });
  for (let i = 0; i < n; i++) {
    properties[`f${i}`] = { type: "boolean" };
    properties[`d${i}`] = { type: "string" };
    allOf.push(rule(`f${i}`, `d${i}`));
    if (i > 0) allOf.push(rule(`f${i - 1}`, `d${i}`));
  }
  return { type: "object", required: Array.from({ length: n }, (_, i) => `f${i}`), properties, additionalProperties: false, allOf };
}

describe("valid generation: unsatisfiable only on a proof", function () {
  this.timeout(120_000);

  it("an if/then chain keyed on a required tag generates valid objects (it was 'no branch of if')", function () {
    forEachSeed([3], (seed) =>
      fc.assert(
        fc.property(fc.integer({ min: 7, max: 14 }), (n) => {
          const xs = validPayloads(ifThenChain(n, true, false), "2020-12", 10);
          expect(xs.every((x) => typeof (x as JsonObject).tag === "string")).to.equal(true);
        }),
        { numRuns: 4, seed },
      ),
    );
  });

  it("an if/then chain on an optional tag, with choices inside each then, generates valid objects", function () {
    forEachSeed([5], (seed) =>
      fc.assert(
        fc.property(fc.integer({ min: 7, max: 10 }), fc.boolean(), (n, withChoice) => {
          validPayloads(ifThenChain(n, false, withChoice), "2020-12", 10);
        }),
        { numRuns: 4, seed },
      ),
    );
  });

  it("dependencies that each fix a tag (one through a oneOf) generate valid objects (it timed out or was unsatisfiable)", function () {
    forEachSeed([7], (seed) =>
      fc.assert(
        fc.property(fc.integer({ min: 6, max: 12 }), (kinds) => {
          validPayloads(tagByDependency(kinds), "draft-07", 10);
        }),
        { numRuns: 4, seed },
      ),
    );
  });

  it("flags that each require a detail or make it null, across chained oneOfs, generate valid objects (it was 'no branch of oneOf')", function () {
    forEachSeed([9], (seed) =>
      fc.assert(
        fc.property(fc.integer({ min: 4, max: 14 }), (n) => {
          validPayloads(flagsAndDetails(n), "2020-12", 10);
        }),
        { numRuns: 5, seed },
      ),
    );
  });

  it("a prefix pattern and a suffix pattern together generate strings with both ends (it gave up)", function () {
    forEachSeed([11], (seed) =>
      fc.assert(
        fc.property(fc.constantFrom("json", "md", "yaml"), fc.constantFrom("./", "src/", "~"), (ext, start) => {
          const prefix = "^" + start.replace(/[./]/g, (c) => "\\" + c);
          const xs = validPayloads({ type: "string", allOf: [{ pattern: prefix }, { pattern: `\\.${ext}$` }] }, "2020-12", 10);
          expect(xs.every((x) => typeof x === "string" && x.startsWith(start) && x.endsWith("." + ext))).to.equal(true);
        }),
        { numRuns: 6, seed },
      ),
    );
  });

  it("a oneOf whose branch requires a property of its own type builds (outlines overflowed the stack)", function () {
    const schema = { $ref: "#/$defs/node", $defs: { node: { oneOf: [{ type: "string" }, { type: "object", required: ["child"], properties: { child: { $ref: "#/$defs/node" } } }] } } } as JsonSchema;
    validPayloads(schema, "2020-12", 20);
  });

  it("a negated anyOf of required keys leaves those keys out by construction", function () {
    forEachSeed([13], (seed) =>
      fc.assert(
        fc.property(fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 1 }), (keys) => {
          const properties = Object.fromEntries(["a", "b", "c", "d", "e"].map((k) => [k, { type: "integer" }]));
          const xs = validPayloads({ type: "object", properties, not: { anyOf: keys.map((k) => ({ required: [k] })) } }, "2020-12", 10);
          expect(xs.every((x) => keys.every((k) => !(k in (x as JsonObject))))).to.equal(true);
        }),
        { numRuns: 6, seed },
      ),
    );
  });

  it("a real contradiction is still unsatisfiable, proven, and names the keywords and their places", function () {
    const e = buildError({ allOf: [{ type: "object", required: ["kind"], properties: { kind: { const: "a" } } }, { properties: { kind: { enum: ["b", "c"] } } }] });
    expect(e).to.be.instanceOf(Unsatisfiable);
    expect((e as Unsatisfiable).proven).to.equal(true);
    expect(e!.message).to.match(/properties\/kind at \/allOf\/0/).and.to.match(/properties\/kind at \/allOf\/1/);
    const lengths = buildError({ type: "string", allOf: [{ minLength: 5 }, { maxLength: 2 }] });
    expect(lengths!.message).to.match(/minLength at \/allOf\/0/).and.to.match(/maxLength at \/allOf\/1/);
    const types = buildError({ allOf: [{ type: "string" }, { type: "integer" }] });
    expect(types!.message).to.match(/type at \/allOf\/0/).and.to.match(/type at \/allOf\/1/);
  });

  it("nothing found by a search is not a proof, and is reported as 'generation gave up'", function () {
    const e = buildError({ type: "string", pattern: "^a{5}$", not: { pattern: "a" } });
    expect((e as Unsatisfiable).proven).to.equal(false);
    const reported = asReported(e);
    expect(reported).to.be.instanceOf(GenerationGaveUp);
    expect((reported as Error).message).to.match(/^generation gave up: /);
    const choice = buildError({ anyOf: [{ type: "string", pattern: "^a{5}$", not: { pattern: "a" } }, { type: "integer", minimum: 3, maximum: 2 }] });
    expect((choice as Unsatisfiable).proven, "one branch unproven makes the choice unproven").to.equal(false);
    expect(asReported(buildError({ type: "integer", minimum: 3, maximum: 2 }))).to.be.instanceOf(Unsatisfiable);
  });

  it("a lazily chosen branch that fails when drawn hands the draw to another branch", function () {
    // 2^8 combinations: built lazily. Only "t0" then-branches can be taken together with `x0` required.
    const schema: JsonSchema = { type: "object", required: ["tag", "x0"], properties: { tag: { enum: ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"] } }, allOf: (ifThenChain(8, true, false) as JsonObject).allOf! };
    const t = target(schema);
    const xs = fc.sample(validArbitrary(t, new GenContext(t.registry, new Oracle(t.registry))), { numRuns: 50, seed: 2 });
    expect(xs).to.have.length(50);
  });
});
