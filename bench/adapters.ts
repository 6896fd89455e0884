/**
 * Validations per second through each in-process adapter (worker thread included) and through
 * the subprocess client for python-jsonschema, against the same validator called in a loop in
 * Python itself. Figures are printed, never asserted: they depend on the machine.
 *
 *   npx tsc -p . && node dist/bench/adapters.js
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Adapter } from "../src/adapters/adapter.js";
import { IN_PROCESS_DEFINITIONS } from "../src/adapters/inprocess/catalog.js";
import { packageRoot } from "../src/adapters/package-root.js";
import { createAdapter } from "../src/adapters/spec.js";
import { pythonExecutable } from "../src/adapters/subprocess/python-harnesses.js";
import { DIALECT_URI } from "../src/schema/dialect.js";
import { SchemaRegistry } from "../src/schema/registry.js";
import type { Target } from "../src/schema/target.js";

const BATCH = 250;
const BATCHES = 40;
const URI = "https://bench.example/order.json";

const ORDER_SCHEMA = {
  $schema: DIALECT_URI["draft-07"],
  $id: URI,
  definitions: {
    Line: { type: "object", properties: { sku: { type: "string", pattern: "^[A-Z]{3}-[0-9]{4}$" }, qty: { type: "integer", minimum: 1, maximum: 99 } }, required: ["sku", "qty"], additionalProperties: false },
  },
  type: "object",
  properties: {
    id: { type: "integer", minimum: 1 },
    status: { enum: ["new", "paid", "shipped"] },
    lines: { type: "array", items: { $ref: "#/definitions/Line" }, minItems: 1, maxItems: 20 },
    note: { type: "string", maxLength: 200 },
  },
  required: ["id", "status", "lines"],
};

/** Deterministic orders, about a third of them invalid in one way or another. */
function orders(count: number): unknown[] {
  let seed = 12345;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  return Array.from({ length: count }, (_, i) => ({
    id: next(10) === 0 ? 0 : i + 1,
    status: ["new", "paid", "shipped", "lost"][next(4)],
    lines: Array.from({ length: 1 + next(5) }, () => ({ sku: next(12) === 0 ? "abc" : `ABC-${String(1000 + next(9000))}`, qty: 1 + next(99) })),
    ...(next(2) === 0 ? { note: "leave at the door" } : {}),
  }));
}

function target(): Target {
  const registry = new SchemaRegistry();
  registry.add({ uri: URI, file: "order.json", dialect: "draft-07", declaresDialect: true, schema: ORDER_SCHEMA });
  return { id: "order.json", file: "order.json", pointer: "", documentUri: URI, uri: URI, dialect: "draft-07", schema: ORDER_SCHEMA, registry };
}

/** Validations per second over BATCHES batches, after one warm-up batch. */
async function throughput(adapter: Adapter, instances: unknown[]): Promise<number> {
  const prepared = await adapter.prepare(target());
  if (!prepared.ok) throw new Error(`${adapter.name}: ${JSON.stringify(prepared)}`);
  await adapter.validate(prepared, instances.slice(0, BATCH));
  const start = process.hrtime.bigint();
  for (let b = 0; b < BATCHES; b++) await adapter.validate(prepared, instances.slice(b * BATCH, (b + 1) * BATCH));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return (BATCHES * BATCH) / seconds;
}

/** The Python harnesses, by spec name and module in adapters/python/. */
const HARNESSES = [
  { spec: "python-jsonschema", module: "python_jsonschema" },
  { spec: "python-jsonschema-rs", module: "python_jsonschema_rs" },
  { spec: "python-fastjsonschema", module: "python_fastjsonschema" },
];
const ROUNDS = 3;

/** The harness's own validator in a Python loop over the same instances; undefined when its library is missing. */
function pythonLoopThroughput(module: string, instances: unknown[]): number | undefined {
  // The same case the client sends: a schema with an absolute $id goes as it is (ihop-adapter.ts).
  const job = { module, schema: ORDER_SCHEMA, registry: { [URI]: ORDER_SCHEMA }, dialect: DIALECT_URI["draft-07"], instances, rounds: 1 };
  const run = spawnSync(pythonExecutable(), [path.join(packageRoot(), "bench", "python_jsonschema_loop.py")], { input: JSON.stringify(job), encoding: "utf8" });
  if (run.status !== 0) return undefined;
  const { validations, seconds } = JSON.parse(run.stdout) as { validations: number; seconds: number };
  return validations / seconds;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function line(name: string, rate: number, extra = ""): void {
  console.log(`${name.padEnd(34)} ${Math.round(rate).toLocaleString("en-US").padStart(12)} validations/s${extra}`);
}

async function main(): Promise<void> {
  const instances = orders(BATCH * BATCHES);
  console.log(`${BATCHES} batches of ${BATCH} orders (draft-07, $ref, pattern, enum); Node ${process.version}`);
  for (const definition of IN_PROCESS_DEFINITIONS.filter((d) => d.dialects.includes("draft-07"))) {
    const adapter = await createAdapter(definition.name, { timeoutMs: 60_000 });
    try {
      line(`${definition.name} (worker thread)`, await throughput(adapter, instances));
    } finally {
      await adapter.close();
    }
  }
  console.log(`Python harnesses: median of ${ROUNDS} alternating rounds, loop rate / client rate`);
  for (const { spec, module } of HARNESSES) {
    if (pythonLoopThroughput(module, instances.slice(0, 10)) === undefined) {
      console.log(`${spec}: not installed (pip install -r adapters/python/requirements.txt); skipped`);
      continue;
    }
    const client = await createAdapter(spec, { timeoutMs: 60_000 });
    try {
      const loops: number[] = [];
      const clients: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        loops.push(pythonLoopThroughput(module, instances)!);
        clients.push(await throughput(client, instances));
      }
      const ratios = loops.map((l, i) => l / clients[i]!);
      line(`${spec} (Python loop)`, median(loops));
      line(`${spec} (IHOP client)`, median(clients), `   overhead ×${median(ratios).toFixed(2)} (rounds ${ratios.map((r) => r.toFixed(2)).join(", ")})`);
    } finally {
      await client.close();
    }
  }
}

await main();
