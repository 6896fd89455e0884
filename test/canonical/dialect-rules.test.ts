import { expect } from "chai";
import { appliesIn, KEYWORDS_NOT_IN_DIALECT } from "../../src/canonical/dialect-rules.js";
import { Oracle } from "../../src/oracle/oracle.js";
import { DIALECTS } from "../../src/schema/dialect.js";
import type { Json, JsonObject } from "../../src/schema/json.js";
import { registryOf } from "../adapters/targets.js";

/** For each keyword: a schema using it and a value it rejects when it is a keyword. */
const PROBES: Record<string, [JsonObject, Json]> = {
  const: [{ const: 1 }, 2],
  contains: [{ contains: { type: "string" } }, [2]],
  propertyNames: [{ propertyNames: { maxLength: 1 } }, { ab: 1 }],
  if: [{ if: true, then: false }, 1],
  then: [{ if: true, then: false }, 1],
  else: [{ if: false, else: false }, 1],
};

describe("dialect rules agree with the oracle", function () {
  it("a keyword generation ignores in a dialect is one the oracle ignores there, and the other way round", function () {
    const listed = new Set(Object.values(KEYWORDS_NOT_IN_DIALECT).flat());
    expect([...listed].sort()).to.deep.equal(Object.keys(PROBES).sort());
    for (const dialect of DIALECTS) {
      for (const [keyword, [schema, value]] of Object.entries(PROBES)) {
        const uri = `https://example.com/${dialect}/${keyword}.json`;
        const registry = registryOf(dialect, [{ uri, schema }]);
        const judged = new Oracle(registry).check(uri, dialect)(value);
        expect(judged, `${keyword} in ${dialect}`).to.equal(!appliesIn(keyword, dialect));
      }
    }
  });
});
