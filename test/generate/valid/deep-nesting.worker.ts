/**
 * Runs in a worker with a large stack (deep-nesting.test.ts): draws valid payloads of a schema
 * nested `depth` levels deep and reports how many the oracle rejects.
 */
import fc from "fast-check";
import { parentPort, workerData } from "node:worker_threads";
import { GenContext, validArbitrary } from "../../../src/generate/valid/index.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import type { JsonSchema } from "../../../src/schema/json.js";
import { targetOf } from "../../adapters/targets.js";
import { nestedSchema, type Nesting } from "./deep-nesting.js";

const { depth, kinds, seeds, runs } = workerData as { depth: number; kinds: Nesting[]; seeds: number[]; runs: number };
const t = targetOf("2020-12", [{ uri: "https://example.com/deep.json", schema: nestedSchema(depth, kinds) as JsonSchema }]);
const oracle = new Oracle(t.registry);
const check = oracle.check(t.uri, t.dialect);
let drawn = 0;
let rejected = 0;
for (const seed of seeds) {
  const payloads = fc.sample(validArbitrary(t, new GenContext(t.registry, oracle)), { numRuns: runs, seed });
  drawn += payloads.length;
  rejected += payloads.filter((p) => !check(p)).length;
}
parentPort!.postMessage({ drawn, rejected });
