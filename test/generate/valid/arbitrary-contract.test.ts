import { expect } from "chai";
import fc from "fast-check";
import path from "node:path";
import { GenContext, validArbitrary } from "../../../src/generate/valid/index.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import type { Json } from "../../../src/schema/json.js";
import { listJsonFiles, loadInputs } from "../../../src/schema/load.js";
import type { Target } from "../../../src/schema/target.js";
import { listTargets } from "../../../src/schema/targets.js";
import { CODEX_BUNDLE, hasShared, needsShared, SHARED_CODEX, SHARED_SUITE } from "../../helpers/paths.js";
import { SUITE_EXCEPTIONS } from "./suite-exceptions.js";
import { groupName, REPO_ROOT, SUITE_FOLDERS, suiteGroupsOf } from "./suite-outcomes.js";
import { seedNote, testSeeds } from "../../helpers/seeds.js";

const SEEDS = Array.from({ length: 12 }, (_, i) => 1 + i * 7919);

interface Subject {
  name: string;
  target: Target;
  oracle: Oracle;
  /** A fresh context each time: arbitraries built from scratch must agree with shared ones. */
  context: () => GenContext;
}

function subjectsOf(targets: Target[], oracle: Oracle, name: (t: Target) => string): Subject[] {
  const shared = new GenContext(targets[0]!.registry, oracle);
  return targets.map((target) => ({ name: name(target), target, oracle, context: () => shared }));
}

/** schema/examples, every 6th satisfiable suite group (outside the named ajv exceptions), every 9th Codex definition (those two when ../shared has them). */
function subjects(ctx: Mocha.Context): Subject[] {
  const out: Subject[] = [];
  const examples = loadInputs(listJsonFiles(path.join(REPO_ROOT, "schema/examples")), { defaultDialect: "2020-12" });
  out.push(...subjectsOf(listTargets(examples.documents, examples.registry, { definitions: false }), new Oracle(examples.registry), (t) => path.basename(t.file)));
  const excepted = new Set(SUITE_EXCEPTIONS.map((e) => e.group));
  for (const folder of hasShared(ctx, SHARED_SUITE) ? Object.keys(SUITE_FOLDERS) : []) {
    suiteGroupsOf(folder).forEach((g, i) => {
      const name = groupName(folder, g);
      if (i % 6 !== 0 || !g.tests.some((t) => t.valid) || excepted.has(name)) return;
      const oracle = new Oracle(g.target.registry);
      out.push({ name, target: g.target, oracle, context: () => new GenContext(g.target.registry, oracle) });
    });
  }
  if (!hasShared(ctx, SHARED_CODEX)) return out;
  const codex = loadInputs([CODEX_BUNDLE], { defaultDialect: "draft-07" });
  const codexTargets = listTargets(codex.documents, codex.registry, { definitions: true }).filter((_, i) => i % 9 === 0);
  out.push(...subjectsOf(codexTargets, new Oracle(codex.registry), (t) => t.id.split("#")[1]!));
  return out;
}

/**
 * fast-check's Arbitrary contract, over many seeds: the same seed gives the same values (also
 * from an arbitrary built afresh), every value is valid, and every value met while shrinking
 * a failing property is valid too.
 */
describe("valid generation: the Arbitrary contract over many seeds", function () {
  this.timeout(300_000);
  let all: Subject[];
  before(function () {
    all = subjects(this);
  });

  it("covers the example schemas, a sample of the suite and of the Codex bundle", function () {
    needsShared(this, SHARED_SUITE);
    needsShared(this, SHARED_CODEX);
    expect(all.length).to.be.greaterThan(250);
  });

  it("the same seed gives the same values, from the same arbitrary and from one built afresh", function () {
    const differ: string[] = [];
    for (const s of all) {
      const arb = validArbitrary(s.target, s.context());
      for (const seed of testSeeds(SEEDS.slice(0, 3))) {
        const first = JSON.stringify(fc.sample(arb, { numRuns: 10, seed }));
        const again = JSON.stringify(fc.sample(arb, { numRuns: 10, seed }));
        const fresh = JSON.stringify(fc.sample(validArbitrary(s.target, new GenContext(s.target.registry, s.oracle)), { numRuns: 10, seed }));
        if (first !== again || first !== fresh) differ.push(`${s.name} ${seedNote(seed)}`);
      }
    }
    expect(differ).to.deep.equal([]);
  });

  it("every value is valid under ajv, for every seed", function () {
    const invalid: string[] = [];
    for (const s of all) {
      const arb = validArbitrary(s.target, s.context());
      const check = s.oracle.check(s.target.uri, s.target.dialect);
      for (const seed of testSeeds(SEEDS)) {
        const bad = fc.sample(arb, { numRuns: 10, seed }).find((v) => !check(v));
        if (bad !== undefined) invalid.push(`${s.name} ${seedNote(seed)}: ${JSON.stringify(bad)}`);
      }
    }
    expect(invalid).to.deep.equal([]);
  });

  it("shrinking keeps validity: every value tried while shrinking a failing property is valid, the shrunk counterexample too", function () {
    const invalid: string[] = [];
    for (const s of all) {
      const arb = validArbitrary(s.target, s.context());
      const check = s.oracle.check(s.target.uri, s.target.dialect);
      for (const seed of testSeeds(SEEDS.slice(0, 4))) {
        const seen: Json[] = [];
        // Fails on anything but the smallest values, so fast-check shrinks as far as it can.
        const result = fc.check(fc.property(arb, (v) => (seen.push(v), JSON.stringify(v).length <= 2)), { seed, numRuns: 50 });
        const tried = seen.filter((v) => !check(v));
        if (tried.length > 0) invalid.push(`${s.name} ${seedNote(seed)}: shrink ${JSON.stringify(tried[0])}`);
        if (result.failed && !check(result.counterexample![0])) invalid.push(`${s.name} ${seedNote(seed)}: counterexample ${JSON.stringify(result.counterexample![0])}`);
      }
    }
    expect(invalid).to.deep.equal([]);
  });
});
