import { expect } from "chai";
import fc from "fast-check";
import { allKeywords, isAppliedIn, isEvaluated, isKeywordOf, keywordNamed, unitOf, VOCABULARIES } from "../../src/keywords/registry.js";
import { Oracle } from "../../src/oracle/oracle.js";
import { DIALECTS, type Dialect } from "../../src/schema/dialect.js";
import type { Json, JsonObject } from "../../src/schema/json.js";
import { directSubschemas } from "../../src/schema/subschemas.js";
import { readdirSync } from "node:fs";
import path from "node:path";
import { registryOf } from "../adapters/targets.js";
import { needsShared, SHARED_SUITE, SUITE } from "../helpers/paths.js";

/**
 * For every evaluated keyword: a schema that uses it (with the partners it needs) and a value
 * that only this keyword rejects. Where the dialect applies the keyword, the oracle rejects
 * the value; where it does not, the keyword is unknown and the value passes.
 */
function probe(keyword: string, dialect: Dialect): [JsonObject, Json] | undefined {
  const tuple = dialect === "2020-12" ? "prefixItems" : "items";
  const probes: Record<string, [JsonObject, Json]> = {
    $ref: [{ $ref: "#/definitions/no", definitions: { no: false } }, 1],
    $dynamicRef: [{ $dynamicRef: "#/definitions/no", definitions: { no: false } }, 1],
    $recursiveRef: [{ type: "object", properties: { a: { $recursiveRef: "#" } } }, { a: 1 }],
    allOf: [{ allOf: [false] }, 1],
    anyOf: [{ anyOf: [false] }, 1],
    oneOf: [{ oneOf: [false] }, 1],
    not: [{ not: true }, 1],
    then: [{ if: true, then: false }, 1],
    else: [{ if: false, else: false }, 1],
    properties: [{ properties: { a: false } }, { a: 1 }],
    patternProperties: [{ patternProperties: { "^a": false } }, { a: 1 }],
    additionalProperties: [{ additionalProperties: false }, { a: 1 }],
    propertyNames: [{ propertyNames: { maxLength: 1 } }, { ab: 1 }],
    dependencies: [{ dependencies: { a: ["b"] } }, { a: 1 }],
    dependentSchemas: [{ dependentSchemas: { a: false } }, { a: 1 }],
    dependentRequired: [{ dependentRequired: { a: ["b"] } }, { a: 1 }],
    prefixItems: [{ prefixItems: [false] }, [1]],
    items: [{ items: false }, [1]],
    additionalItems: [{ [tuple]: [true], additionalItems: false }, [1, 2]],
    contains: [{ contains: { type: "string" } }, [2]],
    minContains: [{ contains: { type: "string" }, minContains: 2 }, ["a"]],
    maxContains: [{ contains: { type: "string" }, maxContains: 1 }, ["a", "b"]],
    unevaluatedProperties: [{ unevaluatedProperties: false }, { a: 1 }],
    unevaluatedItems: [{ unevaluatedItems: false }, [1]],
    type: [{ type: "string" }, 1],
    enum: [{ enum: [1] }, 2],
    const: [{ const: 1 }, 2],
    multipleOf: [{ multipleOf: 2 }, 3],
    maximum: [{ maximum: 1 }, 2],
    minimum: [{ minimum: 1 }, 0],
    exclusiveMaximum: dialect === "draft-04" ? [{ maximum: 1, exclusiveMaximum: true }, 1] : [{ exclusiveMaximum: 1 }, 1],
    exclusiveMinimum: dialect === "draft-04" ? [{ minimum: 1, exclusiveMinimum: true }, 1] : [{ exclusiveMinimum: 1 }, 1],
    maxLength: [{ maxLength: 1 }, "ab"],
    minLength: [{ minLength: 1 }, ""],
    pattern: [{ pattern: "^a$" }, "b"],
    maxItems: [{ maxItems: 0 }, [1]],
    minItems: [{ minItems: 1 }, []],
    uniqueItems: [{ uniqueItems: true }, [1, 1]],
    maxProperties: [{ maxProperties: 0 }, { a: 1 }],
    minProperties: [{ minProperties: 1 }, {}],
    required: [{ required: ["a"] }, {}],
    format: [{ format: "ipv4" }, "x"],
  };
  return probes[keyword];
}

function rejectedByOracle(dialect: Dialect, keyword: string, schema: JsonObject, value: Json): boolean {
  const uri = `https://example.com/${dialect}/${keyword.replace("$", "")}.json`;
  const registry = registryOf(dialect, [{ uri, schema }]);
  return !new Oracle(registry, "assert").check(uri, dialect)(value);
}

describe("keyword registry", function () {
  it("every evaluated keyword has a probe, and no probe names a word the registry does not know", function () {
    const evaluated = allKeywords().filter((k) => isEvaluated(k.name) && k.name !== "if").map((k) => k.name);
    for (const name of evaluated) expect(probe(name, "2020-12"), name).to.not.equal(undefined);
  });

  it("the oracle applies a keyword exactly in the dialects the registry says (draft-04 const is unknown there)", function () {
    this.timeout(60000);
    for (const dialect of DIALECTS) {
      for (const k of allKeywords()) {
        const p = probe(k.name, dialect);
        if (!p) continue;
        expect(rejectedByOracle(dialect, k.name, p[0], p[1]), `${k.name} in ${dialect}`).to.equal(isAppliedIn(k.name, dialect));
      }
    }
  });

  it("a keyword is labelled and generated only in its dialects; kept-for-compatibility ones are applied but never labelled after their last dialect", function () {
    expect(isKeywordOf("const", "draft-04")).to.equal(false);
    expect(isAppliedIn("const", "draft-04")).to.equal(false);
    for (const dialect of DIALECTS) {
      for (const k of allKeywords()) {
        if (isKeywordOf(k.name, dialect)) expect(isAppliedIn(k.name, dialect), `${k.name} ${dialect}`).to.equal(true);
        if (isAppliedIn(k.name, dialect) && !isKeywordOf(k.name, dialect)) expect(k.keptForCompatibility, `${k.name} ${dialect}`).to.equal(true);
      }
    }
  });

  it("agrees with the official suite: a dialect's folder has a file for a keyword exactly when the registry says the dialect has it", function () {
    needsShared(this, SHARED_SUITE);
    const folders: Record<Dialect, string> = { "draft-04": "draft4", "draft-06": "draft6", "draft-07": "draft7", "2019-09": "draft2019-09", "2020-12": "draft2020-12" };
    const filesOf = (d: Dialect) => new Set(readdirSync(path.join(SUITE, "tests", folders[d])).map((f) => f.replace(/\.json$/, "")));
    const testedSomewhere = new Set(DIALECTS.flatMap((d) => [...filesOf(d)]));
    const fileFor = (name: string, d?: Dialect) => {
      if (name === "if" || name === "then" || name === "else") return "if-then-else";
      if (d === "draft-04" && name.startsWith("exclusiveM")) return name.replace("exclusiveM", "m"); // a modifier of maximum/minimum there
      return name;
    };
    let checked = 0;
    for (const dialect of DIALECTS) {
      const files = filesOf(dialect);
      for (const k of allKeywords().filter((x) => isEvaluated(x.name) && testedSomewhere.has(fileFor(x.name)))) {
        expect(isKeywordOf(k.name, dialect), `${k.name} in ${dialect}`).to.equal(files.has(fileFor(k.name, dialect)));
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(150);
  });

  it("a keyword that judges one type lets every other type pass (checked by the oracle)", function () {
    this.timeout(60000);
    const others: Record<string, Json[]> = { string: [1, null, {}, []], number: ["1", null, {}, []], object: ["a", 1, null, []], array: ["a", 1, null, {}] };
    for (const k of allKeywords()) {
      const p = probe(k.name, "2020-12");
      if (!p || !k.instanceType) continue;
      for (const value of others[k.instanceType]!) {
        expect(rejectedByOracle("2020-12", k.name, p[0], value), `${k.name} on ${JSON.stringify(value)}`).to.equal(false);
      }
    }
  });

  it("keywords read together are read together both ways, in the same dialects (a unit, as the break-alone rule needs)", function () {
    for (const dialect of DIALECTS) {
      for (const k of allKeywords()) {
        for (const partner of unitOf(k.name, dialect).slice(1)) expect(unitOf(partner, dialect), `${k.name} ~ ${partner} in ${dialect}`).to.include(k.name);
      }
    }
    expect(unitOf("exclusiveMinimum", "draft-04")).to.deep.equal(["exclusiveMinimum", "minimum"]);
    expect(unitOf("exclusiveMinimum", "draft-06")).to.deep.equal(["exclusiveMinimum"]);
  });

  it("every keyword module sits in its own vocabulary, once", function () {
    const names = VOCABULARIES.flat().map((k) => k.name);
    expect(new Set(names).size).to.equal(names.length);
    for (const vocabulary of VOCABULARIES) expect(new Set(vocabulary.map((k) => k.vocabulary)).size).to.equal(1);
    expect(keywordNamed("x-internal")).to.equal(undefined);
    expect(keywordNamed("nullable")?.vocabulary).to.equal("openapi");
  });

  it("directSubschemas finds each subschema where the keyword's module says it is (property over random placements)", function () {
    const shaped = allKeywords().filter((k) => k.subschemas !== undefined);
    fc.assert(
      fc.property(fc.constantFrom(...shaped), fc.boolean(), (k, asList) => {
        const sub = { title: "marker" };
        const value = k.subschemas === "one" ? sub : k.subschemas === "list" ? [true, sub] : k.subschemas === "items" ? (asList ? [true, sub] : sub) : { x: sub };
        const found = directSubschemas({ [k.name]: value } as JsonObject).filter((s) => s.schema === sub);
        expect(found, k.name).to.have.length(1);
        const expected = k.subschemas === "one" || (k.subschemas === "items" && !asList) ? [k.name] : k.subschemas === "map" || k.subschemas === "dependencies" ? [k.name, "x"] : [k.name, "1"];
        expect(found[0]!.tokens).to.deep.equal(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe("keyword modules and mutators stay in step", function () {
  it("every evaluated keyword has a mutator, except those broken through the subschemas they apply (references, allOf) and if (it only selects)", async function () {
    const { mutatorsFor, MUTATORS } = await import("../../src/generate/invalid/keywords/index.js");
    const withoutMutator = allKeywords().filter((k) => isEvaluated(k.name) && mutatorsFor(k.name).length === 0).map((k) => k.name);
    expect(withoutMutator.sort()).to.deep.equal(["$dynamicRef", "$recursiveRef", "$ref", "allOf", "if"].sort());
    expect(MUTATORS.filter((m) => keywordNamed(m.keyword) === undefined).map((m) => m.keyword)).to.deep.equal([]);
  });
});
