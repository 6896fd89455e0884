import { expect } from "chai";
import fc from "fast-check";
import { jsonEqual } from "../../../src/canonical/json-equal.js";
import { GenContext, validArbitrary } from "../../../src/generate/valid/index.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import { isObject, type Json, type JsonObject } from "../../../src/schema/json.js";
import { loadInputs } from "../../../src/schema/load.js";
import { pointerToFragment } from "../../../src/schema/pointer.js";
import type { Target } from "../../../src/schema/target.js";
import { listTargets } from "../../../src/schema/targets.js";
import { targetOf } from "../../adapters/targets.js";
import { CODEX_BUNDLE, needsShared, SHARED_CODEX } from "../../helpers/paths.js";

/** Above this many branches, 100 independent draws cannot be expected to meet them all (77 branches: about 21 missed). */
const BRANCHES_WITHIN_100 = 20;

interface Misses {
  target: string;
  missing: string[];
}

/** Enum values, union branches and optional properties of the target's own schema that 100 payloads never showed. */
function missesOf(t: Target, payloads: Json[], oracle: Oracle): string[] {
  const s = t.schema;
  if (!isObject(s)) return [];
  const missing: string[] = [];
  if (Array.isArray(s.enum)) for (const v of s.enum) if (!payloads.some((p) => jsonEqual(p, v))) missing.push(`enum ${JSON.stringify(v)}`);
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const branches = s[keyword];
    if (!Array.isArray(branches) || branches.length > BRANCHES_WITHIN_100) continue;
    branches.forEach((_, i) => {
      const check = oracle.check(`${t.uri}${t.uri.includes("#") ? "" : "#"}/${keyword}/${i}`, t.dialect);
      if (!payloads.some((p) => check(p))) missing.push(`${keyword}/${i}`);
    });
  }
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  for (const key of Object.keys(isObject(s.properties) ? s.properties : {})) {
    if (required.has(key)) continue;
    const objects = payloads.filter(isObject) as JsonObject[];
    if (!objects.some((o) => key in o)) missing.push(`optional "${key}" never present`);
    if (!objects.some((o) => !(key in o))) missing.push(`optional "${key}" never absent`);
  }
  return missing;
}

describe("valid generation: variety within 100 payloads", function () {
  this.timeout(120_000);

  it("every Codex definition shows each enum value, each branch of its unions (up to 20 branches), each optional property present and absent", function () {
    needsShared(this, SHARED_CODEX);
    const { registry, documents } = loadInputs([CODEX_BUNDLE], { defaultDialect: "draft-07" });
    const oracle = new Oracle(registry);
    const ctx = new GenContext(registry, oracle);
    const misses: Misses[] = [];
    for (const [i, t] of listTargets(documents, registry, { definitions: true }).entries()) {
      const payloads = fc.sample(validArbitrary(t, ctx), { numRuns: 100, seed: 77 + i });
      const missing = missesOf(t, payloads, oracle);
      if (missing.length > 0) misses.push({ target: t.id.split("#")[1]!, missing });
    }
    expect(misses).to.deep.equal([]);
  });

  it("the largest Codex unions (63 and 77 branches) show every branch within 1,000 payloads", function () {
    needsShared(this, SHARED_CODEX);
    const { registry, documents } = loadInputs([CODEX_BUNDLE], { defaultDialect: "draft-07" });
    const oracle = new Oracle(registry);
    const ctx = new GenContext(registry, oracle);
    const big = listTargets(documents, registry, { definitions: true }).filter((t) => isObject(t.schema) && Array.isArray(t.schema.oneOf) && t.schema.oneOf.length > BRANCHES_WITHIN_100);
    expect(big).to.have.length(2);
    for (const t of big) {
      const payloads = fc.sample(validArbitrary(t, ctx), { numRuns: 1000, seed: 5 });
      const branches = (t.schema as JsonObject).oneOf as Json[];
      const unseen = branches.map((_, i) => i).filter((i) => !payloads.some((p) => oracle.check(`${t.uri}/oneOf/${i}`, t.dialect)(p)));
      expect(unseen, t.id).to.deep.equal([]);
    }
  });

  it("hand-written schemas: enum values, anyOf/oneOf/if branches, type alternatives, optional keys", function () {
    const schema: JsonObject = {
      $defs: {
        colour: { enum: ["red", "green", "blue", 1, null, { a: 1 }, [1, 2]] },
        shape: {
          oneOf: [
            { type: "object", properties: { kind: { const: "circle" }, r: { type: "number" } }, required: ["kind"] },
            { type: "object", properties: { kind: { const: "square" }, side: { type: "integer" } }, required: ["kind"] },
            { type: "string", maxLength: 3 },
            { type: "integer", minimum: 10 },
          ],
        },
        loose: { anyOf: [{ type: "boolean" }, { type: "null" }, { type: "array", maxItems: 2 }, { type: "string", format: "date" }] },
        conditional: { if: { type: "integer" }, then: { minimum: 5 }, else: { type: "string" } },
        record: { type: "object", properties: { a: {}, b: { type: "string" }, c: { enum: [1, 2] }, d: { type: "array" } }, required: ["a"] },
      },
    };
    const branchesOf: Record<string, string[]> = {
      colour: [], shape: ["oneOf/0", "oneOf/1", "oneOf/2", "oneOf/3"], loose: ["anyOf/0", "anyOf/1", "anyOf/2", "anyOf/3"], conditional: ["then", "else"], record: [],
    };
    for (const name of Object.keys(branchesOf)) {
      const t = targetOf("2020-12", [{ uri: "https://example.com/variety.json", schema }], `/$defs/${name}`);
      const oracle = new Oracle(t.registry);
      const payloads = fc.sample(validArbitrary(t, new GenContext(t.registry, oracle)), { numRuns: 100, seed: 3 });
      expect(missesOf(t, payloads, oracle), name).to.deep.equal([]);
      for (const b of branchesOf[name]!) {
        const sub = b === "then" ? "if" : b === "else" ? "else" : b;
        const check = oracle.check(`https://example.com/variety.json#/$defs/${pointerToFragment(name)}/${sub}`, "2020-12");
        const hit = b === "then" ? payloads.some((p) => check(p)) : b === "else" ? payloads.some((p) => typeof p === "string") : payloads.some((p) => check(p));
        expect(hit, `${name} ${b}`).to.equal(true);
      }
    }
  });
});
