import { expect } from "chai";
import type { Adapter, Prepared, Verdict } from "../../src/adapters/adapter.js";
import { createAjv } from "../../src/oracle/ajv-factory.js";
import { runCampaign } from "../../src/run/campaign.js";
import { DEFAULT_CAMPAIGN_OPTIONS } from "../../src/run/options.js";
import { defaultStages } from "../../src/run/stages.js";
import type { Applied, Site } from "../../src/generate/invalid/applied.js";
import type { MutationEnv } from "../../src/generate/invalid/mutator.js";
import type { Located } from "../../src/schema/registry.js";
import { patternMutator } from "../../src/generate/invalid/keywords/pattern.js";
import { stringsMatching } from "../../src/generate/invalid/keywords/pattern-keys.js";
import { GenContext, sampleValid } from "../../src/generate/valid/index.js";
import { Oracle } from "../../src/oracle/oracle.js";
import fc from "fast-check";
import type { JsonSchema } from "../../src/schema/json.js";
import { SchemaRegistry } from "../../src/schema/registry.js";
import { listTargets } from "../../src/schema/targets.js";
import { forEachSeed } from "../helpers/seeds.js";

const S = "https://json-schema.org/draft/2020-12/schema";

/** ajv, as a validator under test, with its own time limit so a runaway regex is a verdict of "invalid". */
function ajvAdapter(): Adapter {
  return {
    name: "plain-ajv",
    dialects: [S],
    async prepare(target): Promise<Prepared> {
      const validate = createAjv(target.dialect, "assert").compile(target.schema as object);
      return { ok: true, handle: validate };
    },
    async validate(p, instances): Promise<Verdict[]> {
      const validate = p.handle as (v: unknown) => boolean;
      return instances.map((i) => ({ valid: validate(i) }));
    },
    async close() {},
  };
}

function targetsOf(name: string, schema: JsonSchema) {
  const registry = new SchemaRegistry();
  const doc = { uri: `https://example.com/${name}.json`, file: `${name}.json`, dialect: "2020-12" as const, declaresDialect: true, schema };
  registry.add(doc);
  return { registry, targets: listTargets([doc], registry, { definitions: false }) };
}

describe("time limits: catastrophic patterns are fine in a schema", function () {
  this.timeout(120_000);
  const schemas: Array<[string, JsonSchema]> = [
    ["pattern", { $schema: S, type: "string", pattern: "^(a+)+$" }],
    ["nested pattern", { $schema: S, type: "object", properties: { s: { type: "string", pattern: "^(a|aa)+$" } }, required: ["s"] }],
    ["pattern keys", { $schema: S, type: "object", patternProperties: { "^(a+)+$": { type: "integer" } }, additionalProperties: false, minProperties: 1 }],
  ];
  for (const [name, schema] of schemas) {
    it(`a campaign over a ${name} with catastrophic backtracking ends, and judges the target`, async () => {
      const { registry, targets } = targetsOf(name.replace(/ /g, "-"), schema);
      for (const seed of [1, 2, 3]) {
        const { report } = await runCampaign(targets, registry, [ajvAdapter()], { ...DEFAULT_CAMPAIGN_OPTIONS, runs: 30, seed, timeoutMs: 500 }, defaultStages());
        const t = report.targets[0]!;
        expect(["ok", "error"], t.message).to.include(t.status);
        if (t.status === "error") expect(t.message).to.match(/took more than \d+ ms/);
        else expect(t.payloads.valid).to.be.greaterThan(0);
      }
    });
  }

  // The pattern mutator reads only the schema and the site: the rest of its inputs are not consulted.
  const ENV = {} as MutationEnv;
  const NO_LOCATION = {} as Located;
  const NO_CTX = {} as GenContext;
  it("a pattern too slow to probe gets no probes, in bounded time, and is named as unbreakable with the reason", () => {
    const schema = { type: "string", pattern: "^(a|aa)+$" };
    const member = { located: { schema } } as unknown as Applied;
    const site = { path: [], value: "a".repeat(40), roots: [member], members: [member] } as Site;
    expect(patternMutator.appliesTo(member, site, ENV)).to.equal(false);
    expect(patternMutator.unbreakable!(schema, NO_LOCATION, NO_CTX)).to.match(/catastrophic backtracking/);
    // A pattern that is quick to probe keeps its probes.
    const quick = { type: "string", pattern: "^[a-z]+$" };
    const quickMember = { located: { schema: quick } } as unknown as Applied;
    expect(patternMutator.appliesTo(quickMember, { ...site, roots: [quickMember], members: [quickMember] }, ENV)).to.equal(true);
    expect(patternMutator.unbreakable!(quick, NO_LOCATION, NO_CTX)).to.equal(undefined);
  });

  it("keys for a patternProperties pattern longer than the preferred 24 characters are drawn at their own length (fast-check's length filter looped)", () => {
    for (const pattern of ["^experimental_mock_subgraphs$", "^[a-z]{30,40}$"]) {
      const arb = stringsMatching(pattern);
      expect(arb, pattern).to.not.equal(null);
      forEachSeed([1], (seed) =>
        fc.assert(fc.property(arb!, (key) => new RegExp(pattern, "u").test(key)), { seed, numRuns: 50 }),
      );
    }
  });

  it("a string whose pattern cannot fit its maxLength is refused or built, never hung on", () => {
    const { registry, targets } = targetsOf("too-long", { $schema: S, type: "string", pattern: "^abcdefghij$", maxLength: 5 });
    const ctx = new GenContext(registry, new Oracle(registry));
    expect(() => sampleValid(targets[0]!, ctx, 3, 1)).to.throw(/unsatisfiable|no value|gave up/i);
  });
});
