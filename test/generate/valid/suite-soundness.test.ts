import { expect } from "chai";
import { jsonEqual } from "../../../src/canonical/json-equal.js";
import { SUITE_EXCEPTIONS, type SuiteException } from "./suite-exceptions.js";
import { needsShared, SHARED_SUITE } from "../../helpers/paths.js";
import { ajvMisjudgedTests, runGroup, SUITE_FOLDERS, suiteGroupsOf, type GroupOutcome } from "./suite-outcomes.js";

const RUNS = 100;
const SEED = 20240901;
const TIME_LIMIT_MS = 10_000;

/**
 * Acceptance: every group of the official JSON-Schema-Test-Suite (draft4 … draft2020-12, not
 * optional/) gets 100 valid payloads, and ajv accepts every one of them, but for a short named
 * list of groups ajv itself gets wrong (SUITE_EXCEPTIONS), which must not go stale.
 */
describe("valid generation: JSON-Schema-Test-Suite soundness and completeness", function () {
  this.timeout(600_000);
  const outcomes: GroupOutcome[] = [];
  const exceptions = new Map<string, SuiteException>(SUITE_EXCEPTIONS.map((e) => [e.group, e]));
  const excepted = (o: GroupOutcome, kind: SuiteException["kind"]) => exceptions.get(o.name)?.kind === kind;

  before(function () {
    needsShared(this, SHARED_SUITE);
    for (const folder of Object.keys(SUITE_FOLDERS)) {
      const started = performance.now();
      const mine = suiteGroupsOf(folder).map((g) => runGroup(folder, g, RUNS, SEED, TIME_LIMIT_MS));
      outcomes.push(...mine);
      const sat = mine.filter((o) => o.satisfiable);
      const produced = sat.filter((o) => o.kind === "produced");
      const clean = produced.filter((o) => o.rejected.length === 0 && typeof o.check !== "string");
      console.log(
        `      ${folder}: ${sat.length} satisfiable groups, ${produced.length} produced ${RUNS} payloads, ${clean.length} all valid under ajv; ` +
          `${mine.length - sat.length} all-invalid groups; ${Math.round(performance.now() - started)} ms`,
      );
    }
  });

  it("ajv accepts every payload, except in the named groups where ajv rejects what the suite calls valid", function () {
    const wrong = outcomes.filter((o) => o.rejected.length > 0 && !excepted(o, "ajv-rejects-valid"));
    expect(wrong.map((o) => `${o.name} ${o.description}: ${o.rejected.length} rejected, e.g. ${JSON.stringify(o.rejected[0])}`)).to.deep.equal([]);
  });

  it("ajv can judge every group, except the named ones it cannot compile", function () {
    const uncompiled = outcomes.filter((o) => typeof o.check === "string" && o.satisfiable && !excepted(o, "ajv-cannot-compile"));
    expect(uncompiled.map((o) => `${o.name}: ${o.check}`)).to.deep.equal([]);
  });

  it("at least 99% of satisfiable groups produce payloads, and those that do not are named", function () {
    const satisfiable = outcomes.filter((o) => o.satisfiable);
    const missing = satisfiable.filter((o) => o.kind !== "produced");
    expect(missing.filter((o) => !excepted(o, "nothing-valid-to-ajv")).map((o) => `${o.name} ${o.description}: ${o.kind} ${o.reason}`)).to.deep.equal([]);
    expect(1 - missing.length / satisfiable.length).to.be.at.least(0.99);
  });

  it("groups whose tests are all invalid are unsatisfiable, produce nothing, or produce only values ajv accepts and the suite does not list", function () {
    const bad = outcomes
      .filter((o) => !o.satisfiable && o.kind === "produced")
      .filter((o) => o.rejected.length > 0 || o.payloads.some((p) => o.group.tests.some((t) => jsonEqual(t.data, p))));
    expect(bad.map((o) => o.name)).to.deep.equal([]);
  });

  it("the plainly unsatisfiable groups (false, not {}, oneOf of trues, $ref to false…) are reported unsatisfiable", function () {
    const plain = /boolean schema 'false'|forbid everything|some false|all false|all true|more than one true|\$ref to boolean schema false/;
    const named = outcomes.filter((o) => !o.satisfiable && plain.test(o.description));
    expect(named.length).to.be.greaterThan(20);
    expect(named.filter((o) => o.kind !== "unsatisfiable").map((o) => `${o.name}: ${o.kind}`)).to.deep.equal([]);
  });

  it("no group reaches the per-target time limit", function () {
    expect(outcomes.filter((o) => o.kind === "timeout").map((o) => o.name)).to.deep.equal([]);
  });

  it("no exception is stale: each names a group, still needed, with ajv's mistake still observable", function () {
    const byName = new Map(outcomes.map((o) => [o.name, o]));
    const stale: string[] = [];
    for (const e of SUITE_EXCEPTIONS) {
      const o = byName.get(e.group);
      if (!o) stale.push(`${e.group}: no such group`);
      else if (e.kind === "ajv-cannot-compile" && typeof o.check !== "string") stale.push(`${e.group}: ajv compiles it now`);
      else if (e.kind === "ajv-rejects-valid" && (o.rejected.length === 0 || ajvMisjudgedTests(o).length === 0)) stale.push(`${e.group}: ajv accepts every payload now`);
      else if (e.kind === "nothing-valid-to-ajv" && (o.kind === "produced" || ajvMisjudgedTests(o).length === 0)) stale.push(`${e.group}: produces payloads now`);
    }
    expect(stale).to.deep.equal([]);
  });
});
