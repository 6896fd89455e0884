import { expect } from "chai";
import { Oracle } from "../../src/oracle/oracle.js";
import { requireEmptyNames } from "../../src/oracle/empty-names.js";
import { createAjv } from "../../src/oracle/ajv-factory.js";
import type { Dialect } from "../../src/schema/dialect.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { SchemaRegistry, type SchemaDocument } from "../../src/schema/registry.js";
import { DIALECTS } from "../../src/keywords/dialects.js";

function oracleFor(schema: JsonSchema, dialect: Dialect) {
  const registry = new SchemaRegistry();
  const doc: SchemaDocument = { uri: "https://example.com/s.json", file: "s.json", dialect, declaresDialect: true, schema };
  registry.add(doc);
  return new Oracle(registry).check(doc.uri, dialect);
}

describe("oracle: the property name \"\" in required lists (ajv skips it)", () => {
  it("stock ajv still skips it (if this fails, ajv was fixed and empty-names.ts can go)", () => {
    const ajv = createAjv("2020-12", "assert");
    expect(ajv.validate({ required: [""] }, {})).to.equal(true);
  });

  for (const dialect of DIALECTS) {
    it(`${dialect}: required [""] and ["a", ""] demand the key "", on objects only`, () => {
      const bare = oracleFor({ required: [""] }, dialect);
      expect([bare({}), bare({ "": 1 }), bare(5), bare([])]).to.deep.equal([false, true, true, true]);
      const both = oracleFor({ required: ["a", ""] }, dialect);
      expect([both({ a: 1 }), both({ "": 1 }), both({ a: 1, "": 1 })]).to.deep.equal([false, false, true]);
    });
  }

  it('dependentRequired (2019-09, 2020-12) and list dependencies (every dialect ajv applies it in) naming "": only when the trigger is there', () => {
    for (const [dialect, keyword] of [["2020-12", "dependentRequired"], ["2019-09", "dependentRequired"], ["draft-04", "dependencies"], ["draft-07", "dependencies"]] as const) {
      const check = oracleFor({ [keyword]: { a: ["", "b"], "": ["c"] } }, dialect);
      const verdicts = [check({}), check({ a: 1 }), check({ a: 1, b: 1 }), check({ a: 1, b: 1, "": 1 }), check({ "": 1 }), check({ "": 1, c: 1 })];
      expect(verdicts, `${dialect} ${keyword}`).to.deep.equal([true, false, false, false, false, true]);
      const fixed = oracleFor({ [keyword]: { a: ["", "b"], "": ["c"] } }, dialect);
      expect(fixed({ a: 1, b: 1, "": 1, c: 1 }), `${dialect} ${keyword}: all present`).to.equal(true);
    }
  });

  it("leaves a schema without the empty name as it is (the same object)", () => {
    const node = { required: ["a"], dependentRequired: { a: ["b"] } };
    expect(requireEmptyNames(node)).to.equal(node);
  });
});
