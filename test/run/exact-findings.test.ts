import { expect } from "chai";
import type { Adapter, Prepared, Verdict } from "../../src/adapters/adapter.js";
import { createAjv } from "../../src/oracle/ajv-factory.js";
import { runCampaign } from "../../src/run/campaign.js";
import type { Finding } from "../../src/model/finding.js";
import { DEFAULT_CAMPAIGN_OPTIONS } from "../../src/run/options.js";
import { replayCases } from "../../src/run/replay.js";
import { defaultStages } from "../../src/run/stages.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { SchemaRegistry } from "../../src/schema/registry.js";
import { listTargets } from "../../src/schema/targets.js";
import type { Target } from "../../src/schema/target.js";
import { seedNote, testSeeds } from "../helpers/seeds.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const SEEDS = [1, 7920, 15839, 23758, 31677, 39596];
const LEAP_SECOND = /T\d\d:\d\d:60/i;

/**
 * An in-process adapter the way a `module:` one is: ajv asserting formats, but whose
 * date-time rejects every leap second (":60"), and optionally whose multipleOf is the naive
 * float remainder (17.72 % 0.01 != 0). No format-blind twin exists for it.
 */
function moduleStyleAdapter(name: string, opts: { floatMultipleOf?: boolean; validate?: (instances: unknown[], check: (v: unknown) => boolean) => Verdict[] } = {}): Adapter {
  return {
    name,
    dialects: [S],
    async prepare(target: Target): Promise<Prepared> {
      const ajv = createAjv(target.dialect, "assert");
      ajv.addFormat("date-time", { validate: (s: string) => !LEAP_SECOND.test(s) && (createAjv(target.dialect, "assert").validate({ type: "string", format: "date-time" }, s) as boolean) });
      if (opts.floatMultipleOf) {
        ajv.removeKeyword("multipleOf");
        ajv.addKeyword({ keyword: "multipleOf", type: "number", schemaType: "number", validate: (m: number, data: number) => data % m === 0 });
      }
      for (const [uri, doc] of target.registry.documents) if (!ajv.getSchema(uri)) ajv.addSchema(doc.schema as object, uri);
      const validate = ajv.compile({ $ref: target.uri });
      return { ok: true, handle: (v: unknown) => validate(v) as boolean };
    },
    async validate(p, instances): Promise<Verdict[]> {
      const check = p.handle as (v: unknown) => boolean;
      return opts.validate ? opts.validate(instances, check) : instances.map((i) => ({ valid: check(i) }));
    },
    async close() {},
  };
}

async function fuzz(name: string, schema: JsonSchema, adapter: Adapter, seed: number): Promise<Finding[]> {
  const registry = new SchemaRegistry();
  const doc = { uri: `https://example.com/${name}.json`, file: `${name}.json`, dialect: "2020-12" as const, declaresDialect: true, schema };
  registry.add(doc);
  const targets = listTargets([doc], registry, { definitions: false });
  const { report } = await runCampaign(targets, registry, [adapter], { ...DEFAULT_CAMPAIGN_OPTIONS, runs: 100, seed }, defaultStages());
  return report.findings;
}

const kinds = (fs: Finding[]) => JSON.stringify(fs.map((f) => [f.kind, f.keyword, f.instance]));

describe("findings are exact: format-only rejects of any adapter kind, nothing hidden, faults attributed", function () {
  this.timeout(300_000);

  it("a module-style adapter rejecting leap seconds under format date-time: format-difference, never false-reject (6 seeds)", async () => {
    const schema: JsonSchema = { $schema: S, type: "array", items: { type: "string", format: "date-time" }, minItems: 2 };
    for (const seed of testSeeds(SEEDS)) {
      const findings = await fuzz("leap", schema, moduleStyleAdapter("rejects-leap-seconds"), seed);
      expect(findings.filter((f) => f.kind === "false-reject"), `${seedNote(seed)}: ${kinds(findings)}`).to.deep.equal([]);
      const formatOnly = findings.filter((f) => f.kind === "format-difference" && f.expected === "valid");
      expect(formatOnly, `${seedNote(seed)}: ${kinds(findings)}`).to.have.length.greaterThan(0);
      for (const f of formatOnly) expect(JSON.stringify(f.instance)).to.match(LEAP_SECOND);
    }
  });

  it("a format-only reject and a float multipleOf bug on one schema: both reported, the multipleOf one as false-reject (6 seeds)", async () => {
    const schema: JsonSchema = { $schema: S, type: "object", properties: { at: { type: "string", format: "date-time" }, price: { type: "number", multipleOf: 0.01 } }, required: ["at"] };
    let formatOnlySeeds = 0;
    for (const seed of testSeeds(SEEDS)) {
      const findings = await fuzz("order", schema, moduleStyleAdapter("float-and-leap", { floatMultipleOf: true }), seed);
      const real = findings.filter((f) => f.kind === "false-reject");
      expect(real, `${seedNote(seed)}: ${kinds(findings)}`).to.have.length.greaterThan(0);
      for (const f of real) expect((f.instance as { price?: unknown }).price, `${seedNote(seed)}: ${kinds(findings)}`).to.be.a("number");
      const formatOnly = findings.filter((f) => f.kind === "format-difference" && f.expected === "valid");
      for (const f of formatOnly) expect(JSON.stringify(f.instance)).to.match(LEAP_SECOND);
      formatOnlySeeds += formatOnly.length > 0 ? 1 : 0;
    }
    expect(formatOnlySeeds, "seeds with a format-only reject reported beside the real one").to.be.at.least(3);
  });

  it("the float multipleOf bug is found even when every payload also carries a leap second", async () => {
    const schema: JsonSchema = { $schema: S, type: "object", properties: { at: { const: "2016-12-31T23:59:60Z", format: "date-time" }, price: { type: "number", multipleOf: 0.01 } }, required: ["at"] };
    for (const seed of testSeeds(SEEDS.slice(0, 3))) {
      const findings = await fuzz("leap-order", schema, moduleStyleAdapter("float-and-leap", { floatMultipleOf: true }), seed);
      expect(findings.map((f) => f.kind), `${seedNote(seed)}: ${kinds(findings)}`).to.include.members(["false-reject", "format-difference"]);
    }
  });

  it("a batch-wide error that no payload reproduces alone is 'flaky', kind kept, pinned on no payload (6 seeds)", async () => {
    const failsInBatches = (instances: unknown[], check: (v: unknown) => boolean): Verdict[] => {
      if (instances.length > 1) throw new Error("worker pool exhausted");
      return instances.map((i) => ({ valid: check(i) }));
    };
    const schema: JsonSchema = { $schema: S, type: "object", properties: { a: { type: "integer" } } };
    for (const seed of testSeeds(SEEDS)) {
      const findings = await fuzz("flaky", schema, moduleStyleAdapter("batch-fails", { validate: failsInBatches }), seed);
      expect(findings.map((f) => [f.kind, f.message, f.instance, f.actual]), seedNote(seed)).to.deep.equal([
        ["adapter-error", "flaky: worker pool exhausted (a batch of 100 payloads failed with this; asked one by one, none did)", null, "error"],
      ]);
    }
  });

  it("a batch-wide error that some payloads reproduce alone is pinned on those payloads only (6 seeds)", async () => {
    const failsOnLongArrays = (instances: unknown[], check: (v: unknown) => boolean): Verdict[] => {
      if (instances.some((i) => Array.isArray(i) && i.length >= 3)) throw new Error("stack of arrays");
      return instances.map((i) => ({ valid: check(i) }));
    };
    const schema: JsonSchema = { $schema: S, type: "array", items: { type: "integer" } };
    for (const seed of testSeeds(SEEDS)) {
      const findings = await fuzz("long-arrays", schema, moduleStyleAdapter("long-arrays-crash", { validate: failsOnLongArrays }), seed);
      const errors = findings.filter((f) => f.kind === "adapter-error");
      expect(errors, `${seedNote(seed)}: ${kinds(findings)}`).to.have.length.greaterThan(0);
      for (const f of errors) {
        expect(f.message).to.equal("stack of arrays");
        expect(f.actual).to.equal("error");
        expect((f.instance as unknown[]).length, JSON.stringify(f.instance)).to.be.at.least(3);
      }
    }
  });

  it("conform replay: a leap second rejected by a module-style adapter is a format-difference; its other rejects stay false-reject", async () => {
    const schema = { $schema: S, properties: { at: { format: "date-time" }, price: { multipleOf: 0.01 } } };
    const origin = (i: number) => ({ file: "cases.json", groupPointer: "", pointer: `/tests/${i}` });
    const data = [{ at: "2016-12-31T23:59:60Z" }, { price: 17.72 }, { at: "2016-12-31T23:59:60Z", price: 17.72 }, { at: 5 }];
    const cases = data.map((d, i) => ({ description: `case / ${i}`, data: d, valid: true, schema, origin: origin(i) }));
    const adapter = moduleStyleAdapter("float-and-leap", { floatMultipleOf: true });
    const { report } = await replayCases(cases, [adapter], { formats: "assert", defaultDialect: "2020-12", remotes: [], command: "replay" });
    expect(report.findings.map((f) => [f.kind, f.instance])).to.deep.equal([
      ["format-difference", data[0]],
      ["false-reject", data[1]],
      ["false-reject", data[2]],
    ]);
  });
});
