import { expect } from "chai";
import type { Adapter, Prepared, Verdict } from "../../src/adapters/adapter.js";
import { insideTimeLimit, OutOfTime, withinTimeLimit } from "../../src/oracle/guard.js";
import { Oracle } from "../../src/oracle/oracle.js";
import { runCampaign } from "../../src/run/campaign.js";
import { DEFAULT_CAMPAIGN_OPTIONS } from "../../src/run/options.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { SchemaRegistry } from "../../src/schema/registry.js";
import { listTargets } from "../../src/schema/targets.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const REDOS = "https://example.com/redos.json";
const CRASH = "https://example.com/crash.json";
const RUNAWAY = "a".repeat(40) + "!";

function registryOf(schemas: Record<string, JsonSchema>): SchemaRegistry {
  const registry = new SchemaRegistry();
  for (const [uri, schema] of Object.entries(schemas)) registry.add({ uri, file: uri.slice(uri.lastIndexOf("/") + 1), dialect: "2020-12", declaresDialect: true, schema });
  return registry;
}

describe("the one door to ajv (every oracle call time-limited, every give-up recorded)", function () {
  this.timeout(60_000);
  // ajv's deep equality calls `valueOf` of an object that has one: a non-function value makes ajv throw
  const schemas = { [REDOS]: { type: "string", pattern: "^(a+)+$" }, [CRASH]: { enum: [{ valueOf: 1 }] } } as Record<string, JsonSchema>;

  it("stops a check called outside any guard at its own limit, with OutOfTime, and records the stage", () => {
    const oracle = new Oracle(registryOf(schemas));
    const check = oracle.check(REDOS, "2020-12", { stage: "a test", limitMs: 200 });
    expect(check("aaa")).to.equal(true);
    expect(() => check(RUNAWAY)).to.throw(OutOfTime);
    expect(oracle.giveUps).to.have.length(1);
    expect(oracle.giveUps[0]).to.include({ uri: REDOS, reason: "timeout", stage: "a test" });
  });

  it("runs a check inside a guarded stage under that stage's limit, with no watchdog of its own", () => {
    const oracle = new Oracle(registryOf(schemas));
    const check = oracle.check(REDOS, "2020-12", { stage: "a test", limitMs: 60_000 });
    const started = performance.now();
    expect(() => withinTimeLimit("the enclosing stage", 200, () => check(RUNAWAY))).to.throw(OutOfTime, /the enclosing stage/);
    expect(performance.now() - started).to.be.lessThan(10_000);
    expect(insideTimeLimit(), "the depth is restored after an outer watchdog unwound the inner call").to.equal(false);
  });

  it("answers no verdict, never a verdict, when ajv throws: the batch says crash and the give-up is recorded", () => {
    const oracle = new Oracle(registryOf(schemas));
    const verdicts = oracle.verdicts(CRASH, "2020-12", [{ valueOf: 1 }, 3], { stage: "the first pass", limitMs: 1_000 });
    expect(verdicts).to.deep.equal(["crash", false]);
    expect(oracle.giveUps.map((g) => [g.uri, g.reason, g.stage])).to.deep.equal([[CRASH, "crash", "the first pass"]]);
  });

  it("names the slow instance of a batch as a timeout and records it", () => {
    const oracle = new Oracle(registryOf(schemas));
    expect(oracle.verdicts(REDOS, "2020-12", ["aaa", RUNAWAY, 7], { stage: "the first pass", limitMs: 300 })).to.deep.equal([true, "timeout", false]);
    expect(oracle.giveUps.map((g) => g.reason)).to.deep.equal(["timeout"]);
  });

  it("does not confirm a label (explains) when ajv runs out of time, and records why", () => {
    const oracle = new Oracle(registryOf(schemas));
    const limit = { stage: "reduction", limitMs: 200 };
    expect(oracle.explains(REDOS, "2020-12", "b", "pattern", "", limit)).to.equal(true);
    expect(oracle.explains(REDOS, "2020-12", RUNAWAY, "pattern", "", limit)).to.equal(false);
    expect(oracle.giveUps.map((g) => [g.reason, g.stage])).to.deep.equal([["timeout", "reduction"]]);
  });

  it("gives errorsOf null, not a hang, when ajv runs out of time", () => {
    const oracle = new Oracle(registryOf(schemas));
    expect(oracle.errorsOf(REDOS, "2020-12", RUNAWAY, { stage: "messages", limitMs: 200 })).to.equal(null);
    expect(oracle.errorsOf(REDOS, "2020-12", "b")?.[0]?.keyword).to.equal("pattern");
  });

  it("a payload the oracle crashes on is not judged: no finding (it was an oracle-disagreement), and the target's summary says why", async () => {
    // uniqueItems compares the items with ajv's deep equality, which calls each item's integer `valueOf`
    const items = { type: "object", required: ["valueOf"], properties: { valueOf: { type: "integer" } } };
    const registry = registryOf({ [CRASH]: { $schema: S, type: "array", items, uniqueItems: true, minItems: 2 } as JsonSchema });
    const targets = listTargets([registry.document(CRASH)!], registry, { definitions: false });
    const correct: Adapter = {
      name: "correct",
      dialects: [S],
      async prepare(): Promise<Prepared> {
        return { ok: true, handle: null };
      },
      async validate(_p, instances): Promise<Verdict[]> {
        return instances.map(() => ({ valid: true })); // right on every valid payload
      },
      async close() {},
    };
    const { report } = await runCampaign(targets, registry, [correct], { ...DEFAULT_CAMPAIGN_OPTIONS, runs: 10, seed: 1 }, {});
    expect(report.findings).to.deep.equal([]);
    expect(report.targets[0]!.payloads.valid).to.equal(10);
    expect(report.targets[0]!.message).to.match(/the oracle \(ajv\) gave no verdict \d+ time\(s\), each answer left out: first crash in the first pass/);
  });
});
