import { expect } from "chai";
import fc from "fast-check";
import { Worker } from "node:worker_threads";
import { GenContext, validArbitrary } from "../../../src/generate/valid/index.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import type { JsonSchema } from "../../../src/schema/json.js";
import { nestedSchema, type Nesting } from "./deep-nesting.js";
import { target } from "./helpers.js";
import { forEachSeed } from "../../helpers/seeds.js";

/** Draws in a worker with a 1 GB stack: how many payloads, how many the oracle rejects. */
function inBigStack(depth: number, kinds: Nesting[], seeds: number[], runs: number): Promise<{ drawn: number; rejected: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./deep-nesting.worker.js", import.meta.url), { workerData: { depth, kinds, seeds, runs }, resourceLimits: { stackSizeMb: 1024 } });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

const NESTING = fc.array(fc.constantFrom<Nesting>("property", "item", "allOf"), { minLength: 1, maxLength: 3 });

describe("valid generation: depth is not recursion", function () {
  this.timeout(300_000);

  it("plain nesting of any depth up to 60 (properties, items, allOf) gives only payloads ajv accepts, beyond the depth cap too", function () {
    forEachSeed([17], (seed) =>
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 60 }), NESTING, fc.integer(), (depth, kinds, seed) => {
          const t = target(nestedSchema(depth, kinds) as JsonSchema);
          const oracle = new Oracle(t.registry);
          const check = oracle.check(t.uri, t.dialect);
          const payloads = fc.sample(validArbitrary(t, new GenContext(t.registry, oracle)), { numRuns: 5, seed });
          expect(payloads.filter((p) => !check(p))).to.deep.equal([]);
        }),
        { numRuns: 40, seed },
      ),
    );
  });

  it("400 levels of required properties give only payloads ajv accepts (several seeds)", async function () {
    const { drawn, rejected } = await inBigStack(400, ["property"], [1, 2, 3, 4, 5], 4);
    expect({ drawn, rejected }).to.deep.equal({ drawn: 20, rejected: 0 });
  });

  it("400 levels mixing properties, items and allOf give only payloads ajv accepts", async function () {
    const { drawn, rejected } = await inBigStack(400, ["property", "item", "allOf"], [6, 7], 4);
    expect({ drawn, rejected }).to.deep.equal({ drawn: 8, rejected: 0 });
  });

  it("2,000 levels of required properties give payloads ajv accepts", async function () {
    const { drawn, rejected } = await inBigStack(2000, ["property"], [1], 2);
    expect({ drawn, rejected }).to.deep.equal({ drawn: 2, rejected: 0 });
  });
});
