import { expect } from "chai";
import fc from "fast-check";
import { guardedChecks } from "../../src/oracle/guard.js";
import { Oracle } from "../../src/oracle/oracle.js";
import { SchemaRegistry } from "../../src/schema/registry.js";

describe("oracle guard (a runaway validation stops, it does not hang the run)", function () {
  this.timeout(30_000);
  const registry = new SchemaRegistry();
  registry.add({ uri: "https://example.com/redos.json", file: "redos.json", dialect: "2020-12", declaresDialect: true, schema: { type: "string", pattern: "^(a+)+$" } });
  const check = new Oracle(registry).check("https://example.com/redos.json", "2020-12");

  it("names exactly the catastrophic instance as a timeout and still answers for the others", () => {
    const verdicts = guardedChecks(check, ["aaa", "a".repeat(40) + "!", "b", 7], 300);
    expect(verdicts).to.deep.equal([true, "timeout", false, false]);
  });

  it("gives ajv's own verdicts when nothing runs away (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 20 }), (xs) => {
        expect(guardedChecks(check, xs, 1000)).to.deep.equal(xs.map(check));
      }),
      { numRuns: 100, seed: 8 },
    );
  });
});
