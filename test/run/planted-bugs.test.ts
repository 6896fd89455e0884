import { expect } from "chai";
import type { Adapter, Prepared, Verdict } from "../../src/adapters/adapter.js";
import { createAjv } from "../../src/oracle/ajv-factory.js";
import { Oracle } from "../../src/oracle/oracle.js";
import { runCampaign } from "../../src/run/campaign.js";
import { DEFAULT_CAMPAIGN_OPTIONS } from "../../src/run/options.js";
import { defaultStages } from "../../src/run/stages.js";
import type { Json, JsonSchema } from "../../src/schema/json.js";
import { SchemaRegistry } from "../../src/schema/registry.js";
import { listTargets } from "../../src/schema/targets.js";
import type { Target } from "../../src/schema/target.js";
import { seedNote, testSeeds } from "../helpers/seeds.js";

/** A validator that is ajv on a schema rewritten by `plant` (the bug), with ajv options of its own. */
function plantedAdapter(name: string, plant: (schema: JsonSchema) => JsonSchema, options: Record<string, unknown> = {}, extraCheck?: (v: unknown) => boolean): Adapter {
  return {
    name,
    dialects: ["https://json-schema.org/draft/2020-12/schema"],
    async prepare(target: Target): Promise<Prepared> {
      const ajv = createAjv(target.dialect, "assert", options);
      const validate = ajv.compile(plant(JSON.parse(JSON.stringify(target.schema))) as object);
      return { ok: true, handle: (v: unknown) => (validate(v) as boolean) && (extraCheck ? extraCheck(v) : true) };
    },
    async validate(p, instances): Promise<Verdict[]> {
      const check = p.handle as (v: unknown) => boolean;
      return instances.map((i) => ({ valid: check(i) }));
    },
    async close() {},
  };
}

/** Removes a keyword everywhere in a schema. */
function without(keyword: string): (s: JsonSchema) => JsonSchema {
  const strip = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(strip);
    if (s === null || typeof s !== "object") return s;
    return Object.fromEntries(Object.entries(s).filter(([k]) => k !== keyword).map(([k, v]) => [k, k === "enum" || k === "const" ? v : strip(v)]));
  };
  return (s) => strip(s) as JsonSchema;
}

const rewrite = (f: (node: Record<string, unknown>) => void) => (s: JsonSchema): JsonSchema => {
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n !== null && typeof n === "object") {
      f(n as Record<string, unknown>);
      Object.entries(n).forEach(([k, v]) => k !== "enum" && k !== "const" && walk(v));
    }
  };
  walk(s);
  return s;
};

/** Key-order-sensitive equality: the uniqueItems bug of naive JSON.stringify comparison. */
const naiveUnique = (v: unknown): boolean => {
  const walk = (n: unknown): boolean => {
    if (Array.isArray(n)) return new Set(n.map((x) => JSON.stringify(x))).size === n.length && n.every(walk);
    if (n !== null && typeof n === "object") return Object.values(n).every(walk);
    return true;
  };
  return walk(v);
};

interface PlantedCase {
  family: string;
  schema: JsonSchema;
  adapter: Adapter;
  kind: "false-accept" | "false-reject";
  keyword?: string;
}

const S = "https://json-schema.org/draft/2020-12/schema";
const SEEDS = Array.from({ length: 12 }, (_, i) => i * 7919 + 1);
const CASES: PlantedCase[] = [
  { family: "required", kind: "false-accept", keyword: "required", schema: { $schema: S, type: "object", properties: { a: { type: "string" }, b: { type: "integer" } }, required: ["a", "b"] }, adapter: plantedAdapter("ignores-required", without("required")) },
  { family: "type", kind: "false-accept", keyword: "type", schema: { $schema: S, type: "object", properties: { n: { type: "integer" } } }, adapter: plantedAdapter("integer-is-number", rewrite((n) => { if (n.type === "integer") n.type = "number"; })) },
  { family: "enum/const", kind: "false-accept", keyword: "enum", schema: { $schema: S, properties: { s: { enum: ["red", "green", 1] } } }, adapter: plantedAdapter("ignores-enum", without("enum")) },
  { family: "numeric bounds", kind: "false-accept", keyword: "exclusiveMaximum", schema: { $schema: S, type: "number", exclusiveMaximum: 10 }, adapter: plantedAdapter("inclusive-max", rewrite((n) => { if (typeof n.exclusiveMaximum === "number") { n.maximum = n.exclusiveMaximum; delete n.exclusiveMaximum; } })) },
  { family: "string length", kind: "false-reject", schema: { $schema: S, type: "string", maxLength: 3 }, adapter: plantedAdapter("utf16-length", (s) => s, { unicode: false }) },
  { family: "pattern", kind: "false-accept", keyword: "pattern", schema: { $schema: S, type: "string", pattern: "^[a-z]+$" }, adapter: plantedAdapter("dollar-before-newline", rewrite((n) => { if (typeof n.pattern === "string") n.pattern = n.pattern.replace(/\$$/, "\\n?$"); })) },
  { family: "pattern (regex engines)", kind: "false-accept", keyword: "pattern", schema: { $schema: S, type: "string", pattern: "^.+$" }, adapter: plantedAdapter("dot-matches-line-separators", rewrite((n) => { if (typeof n.pattern === "string") n.pattern = n.pattern.replace(/\./g, "[^\\n]"); })) },
  { family: "additionalProperties", kind: "false-accept", keyword: "additionalProperties", schema: { $schema: S, type: "object", properties: { a: { type: "boolean" } }, additionalProperties: false }, adapter: plantedAdapter("ignores-additional", without("additionalProperties")) },
  { family: "array size", kind: "false-accept", keyword: "maxItems", schema: { $schema: S, type: "array", items: { type: "integer" }, maxItems: 2 }, adapter: plantedAdapter("ignores-maxItems", without("maxItems")) },
  { family: "uniqueItems", kind: "false-accept", keyword: "uniqueItems", schema: { $schema: S, type: "array", items: { type: "object", properties: { x: { type: "integer" }, y: { type: "integer" } }, required: ["x", "y"] }, uniqueItems: true }, adapter: plantedAdapter("key-order-unique", without("uniqueItems"), {}, naiveUnique) },
  { family: "oneOf", kind: "false-accept", keyword: "oneOf", schema: { $schema: S, oneOf: [{ type: "integer" }, { minimum: 2 }] }, adapter: plantedAdapter("oneOf-as-anyOf", rewrite((n) => { if (n.oneOf) { n.anyOf = n.oneOf; delete n.oneOf; } })) },
];

describe("planted bugs: default runs of 200 payloads, over 12 seeds, catch one bug per keyword family, with a small re-checked counterexample", function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`${c.family}: ${c.adapter.name}`, async () => {
      const registry = new SchemaRegistry();
      const doc = { uri: `https://example.com/${c.adapter.name}.json`, file: `${c.adapter.name}.json`, dialect: "2020-12" as const, declaresDialect: true, schema: c.schema };
      registry.add(doc);
      const targets = listTargets([doc], registry, { definitions: false });
      const check = new Oracle(registry).check(doc.uri, "2020-12");
      for (const seed of testSeeds(SEEDS)) {
        const { report } = await runCampaign(targets, registry, [c.adapter], { ...DEFAULT_CAMPAIGN_OPTIONS, runs: 200, seed }, defaultStages());
        const found = report.findings.filter((f) => f.kind === c.kind && (c.keyword === undefined || f.keyword === c.keyword));
        expect(found, `${seedNote(seed)}: ${JSON.stringify(report.findings.map((f) => [f.kind, f.keyword]))}`).to.have.length.greaterThan(0);
        for (const f of found) {
          expect(check(f.instance), `${seedNote(seed)}: ajv must still say ${f.expected}`).to.equal(f.expected === "valid");
          expect(JSON.stringify(f.instance).length, `${seedNote(seed)}: ${JSON.stringify(f.instance)}`).to.be.lessThan(80);
        }
        expect(report.findings.filter((f) => f.kind !== c.kind && f.kind !== "false-accept" && f.kind !== "false-reject")).to.deep.equal([]);
      }
    });
  }
});

void ({} as Json);
