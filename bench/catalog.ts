/**
 * Valid generation over real-world catalogs, schema by schema: SchemaStore's whole catalog
 * (`https://json.schemastore.org/` refs resolve to its schemas folder, as `--remotes` does) and
 * the GitHub sample (each file alone). For each schema: build the valid arbitrary (timed), draw
 * `--runs` payloads and ask the oracle about each. Prints status counts, how many schemas got
 * only oracle-valid payloads, the slowest builds, and every schema that is not ok with why.
 *
 *   node dist/bench/catalog.js [--corpus schemastore|github|both] [--runs 20] [--seed 1]
 *                              [--only SUBSTRING] [--json OUT.json]
 *
 * Each schema gets its own registry (its file first, then the catalog files its references can
 * reach) and its own oracle, as `conform sample FILE --remotes …` does (which registers the whole
 * catalog), so times include compiling ajv's checks but not registering unrelated documents.
 */
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NothingFound, Unsatisfiable } from "../src/canonical/unsatisfiable.js";
import { GenContext, GenerationStuck, GenerationTimeout, validArbitrary } from "../src/generate/valid/index.js";
import { Oracle, OracleUnavailable, type Check } from "../src/oracle/oracle.js";
import { OutOfTime, withinTimeLimit } from "../src/oracle/guard.js";
import { InputError } from "../src/schema/errors.js";
import { listJsonFiles } from "../src/schema/load.js";
import type { SchemaDocument } from "../src/schema/registry.js";
import type { Target } from "../src/schema/target.js";
import { catalogRemotes, fileTarget } from "../test/generate/valid/catalog-targets.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = path.resolve(REPO, "../shared");
const STORE = path.join(SHARED, "corpus/schemastore-full/schemas");
const GITHUB = path.join(SHARED, "corpus/github-sample");
const SLOW_MS = 5000;

type Status = "ok" | "invalid-payloads" | "unresolvable" | "unsatisfiable" | "nothing-found" | "gave-up" | "timeout" | "oracle-unavailable" | "error";

interface Outcome {
  name: string;
  status: Status;
  buildMs: number;
  drawMs: number;
  payloads: number;
  valid: number;
  reason?: string;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

const RUNS = Number(option("--runs", "20"));
const SEED = Number(option("--seed", "1"));
const ONLY = option("--only", "");

/** Why a build or a draw failed, as a status; unknown errors (a stack overflow) are "error". */
function statusOf(e: unknown): { status: Status; reason: string } {
  const reason = e instanceof Error ? e.message.split("\n")[0]!.slice(0, 300) : String(e);
  if (e instanceof InputError) return { status: "unresolvable", reason };
  if (e instanceof NothingFound) return { status: "nothing-found", reason };
  if (e instanceof Unsatisfiable) return { status: "unsatisfiable", reason };
  if (e instanceof GenerationTimeout) return { status: "timeout", reason };
  if (e instanceof GenerationStuck) return { status: "gave-up", reason };
  if (e instanceof OracleUnavailable) return { status: "oracle-unavailable", reason };
  return { status: "error", reason: `${e instanceof Error ? e.name : "thrown"}: ${reason}` };
}

/** measure() under one guard, as the run draws a target: the oracle's checks inside start no watchdog each. */
function measureGuarded(name: string, target: Target, oracle: Oracle): Outcome {
  try {
    return withinTimeLimit(`measuring ${name}`, 120_000, () => measure(name, target, oracle));
  } catch (e) {
    if (!(e instanceof OutOfTime)) throw e;
    return { name, buildMs: 0, drawMs: 0, payloads: 0, valid: 0, status: "timeout", reason: e.message };
  }
}

/** Builds, draws and judges one target with a fresh generation context. */
function measure(name: string, target: Target, oracle: Oracle): Outcome {
  const out: Outcome = { name, status: "ok", buildMs: 0, drawMs: 0, payloads: 0, valid: 0 };
  let check: Check;
  try {
    check = oracle.check(target.uri, target.dialect);
  } catch (e) {
    return { ...out, ...statusOf(e) };
  }
  const ctx = new GenContext(target.registry, oracle);
  const started = performance.now();
  try {
    const arb = validArbitrary(target, ctx);
    out.buildMs = performance.now() - started;
    const drawStarted = performance.now();
    const payloads = fc.sample(arb, { numRuns: RUNS, seed: SEED });
    out.drawMs = performance.now() - drawStarted;
    out.payloads = payloads.length;
    out.valid = payloads.filter((p) => check(p)).length;
    if (out.valid < out.payloads) {
      const bad = payloads.find((p) => !check(p));
      return { ...out, status: "invalid-payloads", reason: `e.g. ${JSON.stringify(bad).slice(0, 200)}: ${JSON.stringify(oracle.errorsOf(target.uri, target.dialect, bad)?.[0] ?? {})}` };
    }
    return out;
  } catch (e) {
    if (out.buildMs === 0) out.buildMs = performance.now() - started;
    return { ...out, ...statusOf(e) };
  }
}

function schemastore(): Outcome[] {
  const remotes = catalogRemotes(STORE);
  const outcomes: Outcome[] = [];
  for (const file of listJsonFiles(STORE)) {
    const name = path.basename(file, ".json");
    if (ONLY && !name.includes(ONLY)) continue;
    outcomes.push(measureFile(file, name, remotes));
  }
  return outcomes;
}

function github(): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const file of listJsonFiles(GITHUB)) {
    const name = path.basename(file, ".json");
    if (ONLY && !name.includes(ONLY)) continue;
    outcomes.push(measureFile(file, name, []));
  }
  return outcomes;
}

/** One file as `conform sample FILE --remotes …` loads it: the file first, then the remote documents it can reach. */
function measureFile(file: string, name: string, remotes: SchemaDocument[]): Outcome {
  let target: Target;
  try {
    target = fileTarget(file, remotes);
  } catch (e) {
    return { name, buildMs: 0, drawMs: 0, payloads: 0, valid: 0, ...statusOf(e) };
  }
  const outcome = measureGuarded(name, target, new Oracle(target.registry));
  if (process.argv.includes("--progress")) process.stderr.write(`${name} ${outcome.status} ${Math.round(outcome.buildMs)} ms\n`);
  return outcome;
}

function report(title: string, outcomes: Outcome[]): void {
  const counts = new Map<Status, number>();
  for (const o of outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  const resolved = outcomes.filter((o) => o.status !== "unresolvable" && o.status !== "oracle-unavailable");
  const allValid = outcomes.filter((o) => o.status === "ok").length;
  const slow = outcomes.filter((o) => o.buildMs > SLOW_MS).length;
  console.log(`\n## ${title}: ${outcomes.length} schemas, ${RUNS} payloads each, seed ${SEED}`);
  console.log([...counts].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(", ") + `; builds over ${SLOW_MS / 1000} s: ${slow}`);
  console.log(`only oracle-valid payloads: ${allValid} of ${resolved.length} whose refs resolve and ajv compiles (${((100 * allValid) / Math.max(1, resolved.length)).toFixed(1)}%)`);
  console.log("slowest builds: " + [...outcomes].sort((a, b) => b.buildMs - a.buildMs).slice(0, 10).map((o) => `${o.name} ${(o.buildMs / 1000).toFixed(2)} s`).join(", "));
  for (const o of outcomes) if (o.status !== "ok" && o.status !== "unresolvable") console.log(`  ${o.status.padEnd(18)} ${o.name}: ${o.reason ?? ""}`);
}

const corpus = option("--corpus", "both");
if (!fs.existsSync(SHARED)) {
  console.log(`skipped: ${SHARED} is absent`);
} else {
  const all: Record<string, Outcome[]> = {};
  if (corpus === "schemastore" || corpus === "both") report("schemastore-full", (all.schemastore = schemastore()));
  if (corpus === "github" || corpus === "both") report("github-sample", (all.github = github()));
  const out = option("--json", "");
  if (out) fs.writeFileSync(out, JSON.stringify(all, null, 1));
}
