/**
 * Mutator precision and reach of invalid generation, printed (never asserted):
 * - precision: share of raw invalid payloads (before the oracle filter) that ajv confirms invalid;
 * - reach: share of targets with a breakable constraint that get invalid payloads at all.
 * Over every definition of the Codex app-server bundle and every group of the
 * JSON-Schema-Test-Suite's draft2020-12 and draft7 folders. Goals: both at least 95%.
 *
 *   npx tsc -p . && node dist/bench/invalid.js [payloads per target, default 30]
 */
import fc from "fast-check";
import { withinTimeLimit } from "../src/oracle/guard.js";
import { invalidArbitrary, InvalidStats, rawInvalidArbitrary } from "../src/generate/invalid/index.js";
import { codexFixtures, constrained, suiteFixtures, type Fixture } from "../test/generate/invalid/fixtures.js";

const RUNS = Number(process.argv[2] ?? 30);
const SEED = 20240601;

interface Tally {
  corpus: string;
  targets: number;
  constrained: number;
  reached: number;
  raw: number;
  confirmed: number;
  acceptedByKeyword: Map<string, number>;
  unreached: string[];
  errors: string[];
  ms: number;
}

const DRAW_LIMIT_MS = 120_000;

function measure(corpus: string, fixtures: Fixture[]): Tally {
  const t: Tally = { corpus, targets: fixtures.length, constrained: 0, reached: 0, raw: 0, confirmed: 0, acceptedByKeyword: new Map(), unreached: [], errors: [], ms: 0 };
  const start = performance.now();
  for (const f of fixtures) {
    try {
      withinTimeLimit(`measuring ${f.name}`, DRAW_LIMIT_MS, () => measureOne(f, t)); // one guard per target, as the run draws: the oracle's checks inside start no watchdog each
    } catch (e) {
      t.errors.push(`${f.name}: ${(e as Error).message.slice(0, 120)}`);
    }
  }
  t.ms = performance.now() - start;
  return t;
}

function measureOne(f: Fixture, t: Tally): void {
  const hasConstraint = constrained(f);
  if (hasConstraint) t.constrained++;
  const raw = rawInvalidArbitrary(f.target, f.ctx);
  const check = f.ctx.oracle.check(f.target.uri, f.target.dialect);
  if (raw) {
    for (const p of fc.sample(raw, { numRuns: RUNS, seed: SEED })) {
      t.raw++;
      if (!check(p.instance)) t.confirmed++;
      else t.acceptedByKeyword.set(p.label.keyword, (t.acceptedByKeyword.get(p.label.keyword) ?? 0) + 1);
    }
  }
  const confirmed = invalidArbitrary(f.target, f.ctx, new InvalidStats());
  const reached = confirmed !== undefined && fc.sample(confirmed, { numRuns: 1, seed: SEED }).length > 0;
  if (reached && hasConstraint) t.reached++;
  if (!reached && hasConstraint) t.unreached.push(f.name);
}

function percent(n: number, d: number): string {
  return d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`;
}

function print(t: Tally): void {
  console.log(`\n${t.corpus}: ${t.targets} targets, ${t.constrained} with a breakable constraint, ${(t.ms / 1000).toFixed(1)} s`);
  console.log(`  precision ${percent(t.confirmed, t.raw)} (${t.confirmed} of ${t.raw} raw payloads confirmed invalid by ajv)`);
  console.log(`  reach     ${percent(t.reached, t.constrained)} (${t.reached} of ${t.constrained} targets got invalid payloads)`);
  if (t.acceptedByKeyword.size > 0) console.log(`  accepted by ajv, by keyword: ${[...t.acceptedByKeyword].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ")}`);
  for (const name of t.unreached) console.log(`  unreached: ${name}`);
  for (const e of t.errors) console.log(`  error: ${e}`);
}

const tallies = [
  measure("Codex app-server bundle (definitions)", codexFixtures()),
  measure("JSON-Schema-Test-Suite draft2020-12", suiteFixtures("draft2020-12")),
  measure("JSON-Schema-Test-Suite draft7", suiteFixtures("draft7")),
];
tallies.forEach(print);
const sum = (f: (t: Tally) => number) => tallies.reduce((n, t) => n + f(t), 0);
console.log(`\nall: precision ${percent(sum((t) => t.confirmed), sum((t) => t.raw))}, reach ${percent(sum((t) => t.reached), sum((t) => t.constrained))} (goals: 95% each; ${RUNS} raw payloads per target)`);
