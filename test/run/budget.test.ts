import { expect } from "chai";
import path from "node:path";
import type { Coverage } from "../../src/model/coverage.js";
import type { TargetSummary } from "../../src/model/report.js";
import { roundSeed, TimeLedger, weightOf } from "../../src/run/budget.js";
import { fuzz } from "../../src/index.js";
import { EXAMPLES } from "../helpers/paths.js";

function coverage(partial: Partial<Coverage>): Coverage {
  return { exercised: [], broken: [], neverBroken: [], branches: [], optionalProperties: [], ratio: 1, ...partial };
}

function summary(timeMs: number, payloads: number, cov?: Coverage, status: TargetSummary["status"] = "ok"): TargetSummary {
  return { target: { file: "f.json", pointer: "", uri: "file:///f.json" }, dialect: "2020-12", status, payloads: { valid: payloads, invalid: 0 }, invalidRejectedByOracle: 0, timeMs, ...(cov ? { coverage: cov } : {}) };
}

describe("time budget (--duration): how rounds are shared", () => {
  it("more keywords, uncovered branches and fresh findings weigh more", () => {
    const plain = weightOf(coverage({ exercised: ["/type"] }), 0);
    expect(weightOf(coverage({ exercised: Array.from({ length: 60 }, (_, i) => `/k${i}`) }), 0)).to.be.greaterThan(plain);
    expect(weightOf(coverage({ exercised: ["/type"], branches: [{ schemaPath: "/anyOf", hit: 1, total: 4 }] }), 0)).to.be.greaterThan(plain);
    expect(weightOf(coverage({ exercised: ["/type"] }), 2)).to.be.greaterThan(plain);
  });

  it("every target gets a first round in order, then the one with least time for its weight", () => {
    const ledger = new TimeLedger({ targets: 2, runs: 100, runsUnlimited: true, budgetMs: 60_000 }, 0);
    const a = ledger.next(0)!;
    const b = ledger.next(0)!;
    expect([a.index, b.index, a.round, b.round]).to.deep.equal([0, 1, 0, 0]);
    ledger.record(a, summary(100, 20, coverage({ exercised: ["/type"] })), 0);
    ledger.record(b, summary(100, 20, coverage({ exercised: ["/type"], branches: [{ schemaPath: "/oneOf", hit: 1, total: 5 }] })), 0);
    const rounds = [0, 0];
    for (let i = 0; i < 30; i++) {
      const u = ledger.next(1)!;
      rounds[u.index]!++;
      ledger.record(u, summary(100, 20, u.index === 0 ? coverage({ exercised: ["/type"] }) : coverage({ exercised: ["/type"], branches: [{ schemaPath: "/oneOf", hit: 1, total: 5 }] })), 0);
    }
    expect(rounds[1]).to.be.greaterThan(2 * rounds[0]!);
    expect(ledger.next(60_000), "past the budget").to.equal(undefined);
  });

  it("with --runs too, a target stops at its runs (whichever ends first), and a target not ok gets no more rounds", () => {
    const ledger = new TimeLedger({ targets: 2, runs: 40, runsUnlimited: false, budgetMs: 60_000 }, 0);
    const units = [ledger.next(0)!, ledger.next(0)!];
    ledger.record(units[0]!, summary(10, 20), 0);
    ledger.record(units[1]!, summary(10, 0, undefined, "unsatisfiable"), 0);
    const more = ledger.next(1)!;
    expect([more.index, more.runs]).to.deep.equal([0, 20]);
    ledger.record(more, summary(10, 20), 0);
    expect(ledger.next(1)).to.equal(undefined);
    expect(ledger.anyLeft(1)).to.equal(false);
  });

  it("round 0 draws with the run's seed (a budgeted run starts as an unbudgeted one), later rounds with others", () => {
    expect(roundSeed(42, 0)).to.equal(42);
    expect(new Set([1, 2, 3].map((r) => roundSeed(42, r))).size).to.equal(3);
  });

  it("a campaign with a budget ends near it, says how the time went per target, and draws more than one round where time allows", async function () {
    this.timeout(120_000);
    const started = performance.now();
    const report = await fuzz({ schemas: [path.join(EXAMPLES, "AccountUpdatedNotification.json"), path.join(EXAMPLES, "file-tree.json")], budgetMs: 5_000, seed: 3, jobs: 1 });
    const wall = performance.now() - started;
    expect(wall, "wall time").to.be.lessThan(5_000 + 15_000);
    expect(report.totals.timeMs).to.be.at.least(5_000);
    for (const t of report.targets) expect(t.timeMs, t.target.file).to.be.greaterThan(0);
    expect(report.targets.some((t) => t.payloads.valid + t.payloads.invalid > 20), "a target had more than its first round").to.equal(true);
  });

  it("with runs and a long budget, the runs end the campaign first", async function () {
    this.timeout(120_000);
    const report = await fuzz({ schemas: [path.join(EXAMPLES, "order.json")], budgetMs: 600_000, runs: 30, seed: 3, jobs: 1 });
    expect(report.targets[0]!.payloads.valid + report.targets[0]!.payloads.invalid).to.equal(30);
    expect(report.totals.timeMs).to.be.lessThan(600_000);
  });
});
