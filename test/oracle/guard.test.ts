import { expect } from "chai";
import fc from "fast-check";
import { guardedChecks, OutOfTime, timeLimitedCheck, withinTimeLimit } from "../../src/oracle/guard.js";
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

describe("withinTimeLimit (the one door for synchronous work that may not end)", function () {
  this.timeout(30_000);
  const runaway = () => /^(a+)+$/.test("a".repeat(40) + "!");

  it("stops a catastrophic regex with OutOfTime naming what was stopped", () => {
    expect(() => withinTimeLimit("probing ^(a+)+$", 200, runaway)).to.throw(OutOfTime, /probing \^\(a\+\)\+\$ took more than 200 ms/);
  });

  it("returns the task's value when it ends in time (property)", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(withinTimeLimit("identity", 5_000, () => v)).to.equal(v);
    }), { numRuns: 50 });
  });

  it("nests: an inner limit stops only its own task, an outer one everything below it", () => {
    const inner = withinTimeLimit("outer", 10_000, () => {
      try {
        withinTimeLimit("inner", 100, runaway);
        return "inner ended";
      } catch (e) {
        return e instanceof OutOfTime ? `inner stopped: ${e.what}` : "other";
      }
    });
    expect(inner).to.equal("inner stopped: inner");
    expect(() => withinTimeLimit("outer", 150, () => withinTimeLimit("inner", 10_000, runaway))).to.throw(OutOfTime, /^outer/);
  });

  it("a time-limited check throws instead of hanging, and answers like the check otherwise", () => {
    const registry = new SchemaRegistry();
    registry.add({ uri: "https://example.com/r2.json", file: "r2.json", dialect: "2020-12", declaresDialect: true, schema: { type: "string", pattern: "^(a+)+$" } });
    const limited = timeLimitedCheck(new Oracle(registry).check("https://example.com/r2.json", "2020-12"), 200);
    expect(limited("aaaa")).to.equal(true);
    expect(limited("b")).to.equal(false);
    expect(() => limited("a".repeat(40) + "!")).to.throw(OutOfTime);
  });
});
