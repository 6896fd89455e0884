/**
 * Valid-payload generation speed, side by side with json-schema-faker on the same targets:
 * the Codex app-server-protocol bundle (every definition) and the JSON-Schema-Test-Suite
 * (every group with a valid test, draft4 … draft2020-12). Prints payloads per second
 * (drawing only, after a warm-up round for both), the validity rate of each under ajv, and the
 * time to load the bundle, build our arbitraries and compile ajv's checks.
 *
 * Ours runs at every --size (fast-check's scale), with payloads/s and characters/s beside
 * json-schema-faker's (99% of whose characters on the Codex bundle are the bundle's definitions,
 * returned for an empty schema: the bench says how much).
 *
 *   node --expose-gc dist/bench/generate.js [--runs 100] [--suite-runs 100] [--skip-suite] [--sizes small,xlarge]
 */
import fc, { type Arbitrary } from "fast-check";
import { spawnSync } from "node:child_process";
import { pythonExecutable } from "../src/adapters/subprocess/python-harnesses.js";
import { createGeneratorSync } from "json-schema-faker";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GenContext, validArbitrary } from "../src/generate/valid/index.js";
import { PAYLOAD_SIZES, sizeOptions, type PayloadSize } from "../src/generate/valid/options.js";
import { Oracle, type Check } from "../src/oracle/oracle.js";
import { withinTimeLimit } from "../src/oracle/guard.js";
import { isObject, type Json, type JsonSchema } from "../src/schema/json.js";
import { loadInputs } from "../src/schema/load.js";
import type { SchemaRegistry } from "../src/schema/registry.js";
import { loadSuiteGroups, SUITE_FOLDER_DIALECT } from "../src/schema/suite.js";
import type { Target } from "../src/schema/target.js";
import { listTargets } from "../src/schema/targets.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = path.resolve(REPO, "../shared");
const CODEX = path.join(SHARED, "corpus/codex-app-server-protocol/codex_app_server_protocol.v2.schemas.json");
const SUITE = path.join(SHARED, "json-schema-test-suite");

interface Subject {
  id: string;
  target: Target;
  check: Check;
  /** The oracle that judges the payloads in one guarded batch, as the run's first pass does. */
  oracle: Oracle;
  /** The same target as json-schema-faker takes it: one schema, remote documents through a resolver. */
  jsfSchema: JsonSchema;
  registry: SchemaRegistry;
}

interface Tally {
  payloads: number;
  valid: number;
  failedTargets: number;
  drawMs: number;
  /** Why targets failed, by error name. */
  reasons: Map<string, number>;
  /** Characters of JSON drawn in all (payload sizes differ a lot between generators). */
  chars: number;
  /** Time ajv took to check every payload. */
  checkMs: number;
  /** Characters of payloads that are a copy of the target's own schema (json-schema-faker returns it for an empty schema). */
  echoChars: number;
}

function newTally(): Tally {
  return { payloads: 0, valid: 0, failedTargets: 0, drawMs: 0, reasons: new Map(), chars: 0, checkMs: 0, echoChars: 0 };
}

function fail(tally: Tally, e: unknown): void {
  const name = e instanceof Error ? e.name : "thrown";
  tally.failedTargets++;
  tally.reasons.set(name, (tally.reasons.get(name) ?? 0) + 1);
}

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A bundle definition for json-schema-faker: `$ref` into the bundle's own definitions. */
function jsfBundleTarget(bundle: Record<string, Json>, pointer: string): JsonSchema {
  return { $schema: bundle.$schema ?? null, definitions: bundle.definitions ?? {}, $ref: "#" + pointer } as JsonSchema;
}

/** Draws each target's payloads (timed), then judges and counts them (not timed) before the next target: xlarge payloads of every target at once would not fit in memory. */
function drawOurs(subjects: Subject[], arbs: Map<string, Arbitrary<Json> | Error>, runs: number, seed: number): Tally {
  collect();
  const tally = newTally();
  for (const s of subjects) {
    const arb = arbs.get(s.id)!;
    if (arb instanceof Error) {
      fail(tally, arb);
      continue;
    }
    const started = performance.now();
    try {
      // one guard per target, as the run draws: the oracle's checks inside start no watchdog each
      const payloads = withinTimeLimit(`drawing ${s.id}`, 120_000, () => fc.sample(arb, { numRuns: runs, seed }));
      tally.drawMs += performance.now() - started;
      judge(tally, [[s, payloads]]);
    } catch (e) {
      tally.drawMs += performance.now() - started;
      fail(tally, e);
    }
  }
  return tally;
}

/** Counts payloads, those ajv accepts, and their JSON size (outside the timed part). */
function judge(tally: Tally, all: Array<[Subject, unknown[]]>): void {
  for (const [s, payloads] of all) {
    tally.payloads += payloads.length;
    const started = performance.now();
    tally.valid += s.oracle.verdicts(s.target.uri, s.target.dialect, payloads, { stage: "the first pass", limitMs: 10_000 }).filter((v) => v === true).length;
    tally.checkMs += performance.now() - started;
    tally.chars += payloads.reduce((n: number, p) => n + (JSON.stringify(p)?.length ?? 0), 0);
    tally.echoChars += payloads.filter((p) => isObject(p as Json) && "definitions" in (p as object) && "$ref" in (s.jsfSchema as object)).reduce((n: number, p) => n + JSON.stringify(p).length, 0);
  }
}

/** A full collection before a timed section (with --expose-gc, as npm run bench runs it): each generator starts on a clean heap, not on the garbage of the one before. */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function drawJsf(subjects: Subject[], runs: number, seed: number): Tally {
  collect();
  const tally = newTally();
  const all: Array<[Subject, unknown[]]> = [];
  for (const s of subjects) {
    const resolver = (ref: string) => {
      const doc = s.registry.document(ref);
      if (!doc) throw new Error(`no document ${ref}`);
      return doc.schema as never;
    };
    const gen = createGeneratorSync({ seed, refResolver: resolver });
    const payloads: unknown[] = [];
    const started = performance.now();
    try {
      for (let i = 0; i < runs; i++) payloads.push(gen.generate(s.jsfSchema as never));
      all.push([s, payloads]);
    } catch (e) {
      fail(tally, e);
    }
    tally.drawMs += performance.now() - started;
  }
  judge(tally, all);
  return tally;
}

/** Each target's arbitrary, or why it could not be built (counted as a failed target when drawing). */
function buildArbitraries(subjects: Subject[], contextOf: (s: Subject) => GenContext): Map<string, Arbitrary<Json> | Error> {
  const arbs = new Map<string, Arbitrary<Json> | Error>();
  for (const s of subjects) {
    try {
      arbs.set(s.id, validArbitrary(s.target, contextOf(s)));
    } catch (e) {
      arbs.set(s.id, e as Error);
    }
  }
  return arbs;
}

function rate(t: Tally): number {
  return t.drawMs > 0 ? (t.payloads / t.drawMs) * 1000 : 0;
}

function row(name: string, t: Tally): string {
  const pct = t.payloads > 0 ? ((100 * t.valid) / t.payloads).toFixed(2) : "—";
  const why = t.failedTargets > 0 ? ` (${[...t.reasons].map(([n, c]) => `${n} ${c}`).join(", ")})` : "";
  const size = t.payloads > 0 ? Math.round(t.chars / t.payloads) : 0;
  const chars = t.drawMs > 0 ? (t.chars / t.drawMs) * 1000 : 0;
  return `  ${name.padEnd(24)} ${String(t.payloads).padStart(8)} payloads  ${Math.round(rate(t)).toLocaleString("en").padStart(9)} /s  ${(chars / 1e6).toFixed(1).padStart(6)} M chars/s   valid under ajv ${pct.padStart(6)}%   avg ${String(size).padStart(6)} chars   targets failed ${t.failedTargets}${why}`;
}

function codexBench(runs: number): void {
  let started = performance.now();
  const { registry, documents } = loadInputs([CODEX], { defaultDialect: "draft-07" });
  const targets = listTargets(documents, registry, { definitions: true });
  const loadMs = performance.now() - started;
  started = performance.now();
  const oracle = new Oracle(registry);
  const checks = targets.map((t) => oracle.check(t.uri, t.dialect));
  const compileMs = performance.now() - started;
  const bundle = documents[0]!.schema as Record<string, Json>;
  const subjects: Subject[] = targets.map((t, i) => ({ id: t.id, target: t, check: checks[i]!, oracle, jsfSchema: jsfBundleTarget(bundle, t.pointer), registry }));
  const jsf = (drawJsf(subjects, 10, 1), drawJsf(subjects, runs, 2));
  console.log(`Codex app-server-protocol bundle: ${targets.length} definitions, ${runs} payloads each`);
  console.log(`  load ${loadMs.toFixed(0)} ms, compile ajv checks ${compileMs.toFixed(0)} ms`);
  console.log(row("json-schema-faker", jsf));
  const echo = jsf.echoChars / jsf.chars;
  console.log(`    ${(100 * echo).toFixed(1)}% of its characters are copies of the bundle's definitions (what it returns for an empty schema); without them: avg ${Math.round((jsf.chars - jsf.echoChars) / jsf.payloads)} chars, ${((jsf.chars - jsf.echoChars) / jsf.drawMs / 1000).toFixed(1)} M chars/s`);
  hypothesisRow(subjects, runs);
  for (const size of sizesAsked()) {
    started = performance.now();
    const ctx = new GenContext(registry, oracle, sizeOptions(size));
    const arbs = buildArbitraries(subjects, () => ctx);
    const buildMs = performance.now() - started;
    drawOurs(subjects, arbs, 10, 1);
    const ours = drawOurs(subjects, arbs, runs, 2);
    console.log(row(`schema-conform ${size}`, ours));
    const endToEnd = (ours.payloads / (ours.drawMs + buildMs)) * 1000;
    const charsRatio = ours.chars / ours.drawMs / (jsf.chars / jsf.drawMs);
    if (size === "medium") console.log(`    ajv validation alone (upper bound of generate-and-check): ${Math.round((ours.payloads / ours.checkMs) * 1000).toLocaleString("en")} payloads/s`);
    console.log(`    ${(rate(ours) / rate(jsf)).toFixed(1)}× jsf's payloads/s drawing only (${(endToEnd / rate(jsf)).toFixed(1)}× with our build, ${buildMs.toFixed(0)} ms), ${charsRatio.toFixed(2)}× its chars/s; generated and checked by ajv ${Math.round((ours.payloads / (ours.drawMs + ours.checkMs)) * 1000).toLocaleString("en")} payloads/s`);
  }
}

/**
 * hypothesis-jsonschema on the same definitions, where it is installed (bench/hypothesis_jsonschema_rate.py;
 * its own time per definition, Python start aside); validity by ajv as for the others.
 */
function hypothesisRow(subjects: Subject[], runs: number): void {
  const run = spawnSync(pythonExecutable(), [path.join(REPO, "bench/hypothesis_jsonschema_rate.py"), CODEX, String(runs)], { encoding: "utf8", maxBuffer: 1 << 30, timeout: 120_000 });
  if (run.status !== 0 || run.stdout.trim() === "") return void console.log("  hypothesis-jsonschema: not installed (pip install hypothesis-jsonschema) or failed; skipped");
  const byPointer = new Map(subjects.map((s) => [s.target.pointer, s]));
  const tally = newTally();
  const all: Array<[Subject, unknown[]]> = [];
  for (const line of run.stdout.trim().split("\n")) {
    const r = JSON.parse(line) as { pointer: string; payloads?: unknown[]; seconds?: number; error?: string };
    const s = byPointer.get(r.pointer);
    if (!s) continue;
    if (r.error !== undefined) fail(tally, Object.assign(new Error(r.error), { name: r.error }));
    else {
      tally.drawMs += r.seconds! * 1000;
      all.push([s, r.payloads!]);
    }
  }
  judge(tally, all);
  console.log(row("hypothesis-jsonschema", tally));
}

/** `--sizes small,xlarge`; default every size. */
function sizesAsked(): PayloadSize[] {
  const i = process.argv.indexOf("--sizes");
  if (i < 0) return [...PAYLOAD_SIZES];
  return process.argv[i + 1]!.split(",").filter((s): s is PayloadSize => (PAYLOAD_SIZES as readonly string[]).includes(s));
}

function suiteBench(runs: number): void {
  const subjects: Subject[] = [];
  const contexts = new Map<string, GenContext>();
  let buildMs = 0;
  for (const [folder, dialect] of Object.entries(SUITE_FOLDER_DIALECT)) {
    for (const g of loadSuiteGroups(path.join(SUITE, "tests", folder), dialect, path.join(SUITE, "remotes"))) {
      if (!g.tests.some((t) => t.valid)) continue;
      const oracle = new Oracle(g.target.registry);
      let check: Check;
      try {
        check = oracle.check(g.target.uri, g.target.dialect);
      } catch {
        continue; // ajv cannot compile it: no verdict for either generator
      }
      const id = `${folder}/${path.basename(g.file)}#${g.index}`;
      subjects.push({ id, target: g.target, check, oracle, jsfSchema: isObject(g.target.schema) || typeof g.target.schema === "boolean" ? g.target.schema : {}, registry: g.target.registry });
      contexts.set(id, new GenContext(g.target.registry, oracle));
    }
  }
  const started = performance.now();
  const arbs = buildArbitraries(subjects, (s) => contexts.get(s.id)!);
  buildMs = performance.now() - started;
  drawOurs(subjects, arbs, 5, 1);
  drawJsf(subjects, 5, 1);
  const ours = drawOurs(subjects, arbs, runs, 2);
  const jsf = drawJsf(subjects, runs, 2);
  console.log(`JSON-Schema-Test-Suite: ${subjects.length} groups with a valid test that ajv compiles, ${runs} payloads each (build ${buildMs.toFixed(0)} ms)`);
  console.log(row("schema-conform", ours));
  console.log(row("json-schema-faker", jsf));
  console.log(`  ratio ${(rate(ours) / rate(jsf)).toFixed(1)}× drawing only`);
}

codexBench(argument("--runs", 100));
if (!process.argv.includes("--skip-suite")) suiteBench(argument("--suite-runs", 100));
console.log(`peak RSS of this bench: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
