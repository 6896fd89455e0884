import { expect } from "chai";
import fc from "fast-check";
import { boundedFilter, GenerationStuck, GenerationTimeout } from "../../../src/generate/valid/bounded-filter.js";
import { GenContext, validArbitrary } from "../../../src/generate/valid/index.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import { isObject, type JsonObject } from "../../../src/schema/json.js";
import { buildError, target, validPayloads } from "./helpers.js";

describe("valid generation: limits (never a hang)", function () {
  this.timeout(60_000);

  it("a filter that keeps missing gives up with GenerationStuck", function () {
    const arb = boundedFilter(fc.integer(), () => false, "nothing passes", 50);
    expect(() => fc.sample(arb, 1)).to.throw(GenerationStuck, /nothing passes/);
  });

  it("a streak of slow misses gives up with GenerationTimeout", function () {
    const slow = () => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      return false;
    };
    const arb = boundedFilter(fc.integer(), slow, "slow check", 1_000_000, { options: { targetTimeLimitMs: 100 } });
    expect(() => fc.sample(arb, 1)).to.throw(GenerationTimeout, /time limit of 100 ms/);
  });

  it("a negation no candidate escapes sets the conjunction aside (NothingFound), and a choice takes its other branch", function () {
    expect(buildError({ type: "string", pattern: "^a{5}$", not: { pattern: "a" } })?.name).to.equal("NothingFound");
    const xs = validPayloads({ anyOf: [{ type: "string", pattern: "^a{5}$", not: { pattern: "a" } }, { type: "boolean" }] });
    expect(xs.every((x) => typeof x === "boolean")).to.equal(true);
  });

  it("sizes the schema forces beyond the cap are not attempted", function () {
    const t = target({ type: "string", minLength: 50_000 });
    const ctx = new GenContext(t.registry, new Oracle(t.registry), { maxForcedSize: 10_000 });
    expect(() => validArbitrary(t, ctx)).to.throw(GenerationStuck);
  });

  it("many schema-valued dependencies (1,024 combinations) are chosen lazily, deterministically and validly", function () {
    const properties: JsonObject = {};
    const dependentSchemas: JsonObject = {};
    for (let i = 0; i < 10; i++) {
      properties[`k${i}`] = { type: "integer" };
      dependentSchemas[`k${i}`] = { required: [`d${i}`], properties: { [`d${i}`]: { const: i } } };
    }
    const schema = { type: "object", properties, dependentSchemas };
    const xs = validPayloads(schema);
    expect(xs.every((x) => isObject(x) && Object.keys(x).filter((k) => /^k\d$/.test(k)).every((k) => x[`d${k.slice(1)}`] === Number(k.slice(1))))).to.equal(true);
    const t = target(schema);
    const a = fc.sample(validArbitrary(t, new GenContext(t.registry, new Oracle(t.registry))), { numRuns: 30, seed: 9 });
    const b = fc.sample(validArbitrary(t, new GenContext(t.registry, new Oracle(t.registry))), { numRuns: 30, seed: 9 });
    expect(a).to.deep.equal(b);
  });
});
