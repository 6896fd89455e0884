import { expect } from "chai";
import { groupFindings, keywordSignature, signatureOf, type RandomFinding } from "../../src/compare/bug-groups.js";
import { oracleMisjudges, standingOf } from "../../src/compare/majority.js";
import type { JsonSchema } from "../../src/schema/json.js";

const S2020 = "https://json-schema.org/draft/2020-12/schema";

function finding(schema: JsonSchema, disagreement: string[], extra: Partial<RandomFinding> = {}): RandomFinding {
  return {
    dialect: "2020-12", schema, instance: 1, valid: false, disagreement, observations: {}, standing: "confirmed", shrunk: true,
    origin: { target: "t", seed: 1 }, ...extra,
  };
}

describe("random schemas: grouping by root cause", () => {
  it("merges findings with the same keywords and the same adapters disagreeing the same way, whatever the values", () => {
    const groups = groupFindings([
      finding({ $schema: S2020, multipleOf: 0.1 }, ["hyperjump=valid"]),
      finding({ $schema: S2020, multipleOf: 1.5, $comment: "x" }, ["hyperjump=valid"]),
      finding({ $schema: S2020, allOf: [{ multipleOf: 3 }] }, ["hyperjump=valid"]),
    ]);
    // $comment is a keyword too: the second is its own signature only if it counts; it does.
    expect(groups.map((g) => g.keywords)).to.deep.equal([["multipleOf"], ["$comment", "multipleOf"], ["allOf", "multipleOf"]]);
    const same = groupFindings([finding({ $schema: S2020, multipleOf: 0.1 }, ["hyperjump=valid"]), finding({ $schema: S2020, multipleOf: 7 }, ["hyperjump=valid"])]);
    expect(same).to.have.length(1);
    expect(same[0]!.examples).to.have.length(2);
  });

  it("keeps apart other adapters, other observations and other standings", () => {
    const s: JsonSchema = { $schema: S2020, maximum: 1 };
    const groups = groupFindings([
      finding(s, ["a=valid"]), finding(s, ["a=invalid"]), finding(s, ["b=valid"]), finding(s, ["a=valid", "b=valid"]), finding(s, ["a=valid"], { standing: "oracle-suspect" }),
    ]);
    expect(groups).to.have.length(5);
  });

  it("files an unshrunk finding under the bug it repeats (sameAs), smallest example first", () => {
    const shrunk = finding({ $schema: S2020, maxItems: 1 }, ["a=valid"]);
    const big = finding({ $schema: S2020, maxItems: 1, type: "array", items: { minimum: 1 } }, ["a=valid"], { shrunk: false, sameAs: signatureOf(shrunk) });
    const groups = groupFindings([big, shrunk]);
    expect(groups).to.have.length(1);
    expect(groups[0]!.examples[0]).to.equal(shrunk);
  });

  it("reads keywords through subschemas only: property names and enum values are not keywords", () => {
    expect(keywordSignature({ $schema: S2020, properties: { type: { enum: [{ minimum: 1 }] } } }, "2020-12")).to.deep.equal(["enum", "properties"]);
  });
});

describe("random schemas: judging by the witnesses and a majority", () => {
  it("confirms when label and oracle agree and the adapters do not side against them", () => {
    expect(standingOf("invalid", false, { a: "valid", b: "invalid" }, ["multipleOf"])).to.equal("confirmed");
    expect(standingOf("invalid", false, { a: "valid", b: "invalid", c: "invalid" }, ["maxItems"])).to.equal("confirmed");
  });

  it("is oracle-suspect when label and oracle part, or most adapters side against the oracle", () => {
    expect(standingOf("valid", false, { a: "valid", b: "invalid", c: "invalid" }, ["maxItems"])).to.equal("oracle-suspect");
    expect(standingOf("invalid", false, { a: "valid", b: "valid", c: "invalid" }, ["maxItems"])).to.equal("oracle-suspect");
  });

  it("where ajv is known to depart ($dynamicRef, unevaluated*), needs more adapters with the oracle than against it", () => {
    expect(standingOf("invalid", false, { cfworker: "valid", ajv: "invalid" }, ["$dynamicRef"])).to.equal("oracle-suspect");
    expect(standingOf("invalid", false, { cfworker: "valid", ajv: "invalid", hyperjump: "invalid" }, ["$dynamicRef"])).to.equal("confirmed");
    expect(standingOf("invalid", false, { cfworker: "valid" }, ["unevaluatedProperties"])).to.equal("oracle-suspect");
  });

  it("a draft-04 instance holding a whole number at or above 1e21 (no draft-04 integer: it has an exponent) is one the oracle misjudges", () => {
    expect(oracleMisjudges("draft-04", { a: [1e21] })).to.equal(true);
    expect(oracleMisjudges("draft-04", -1e22)).to.equal(true);
    expect(oracleMisjudges("draft-04", 1e20)).to.equal(false);
    expect(oracleMisjudges("draft-06", 1e21)).to.equal(false);
  });

  it("a fault is the adapter's whatever the others say", () => {
    expect(standingOf("valid", true, { a: "error" }, ["pattern"])).to.equal("confirmed");
  });
});
