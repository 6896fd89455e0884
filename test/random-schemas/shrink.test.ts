import { expect } from "chai";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Adapter } from "../../src/adapters/adapter.js";
import { keywordSignature } from "../../src/compare/bug-groups.js";
import { shrinkSchema, smallerSchemas } from "../../src/generate/schema/shrink-schema.js";
import type { Finding } from "../../src/model/finding.js";
import { closeAll, createAdapters } from "../../src/run/adapter-set.js";
import { randomDocument, registryOf } from "../../src/run/random/documents.js";
import { judgeTargetFindings } from "../../src/run/random/judge-shrink.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { listTargets } from "../../src/schema/targets.js";
import planted from "../fixtures/random-schemas/ignores-max-items-in-any-of.js";
import { forEachSeedAsync } from "../helpers/seeds.js";

const SCHEMA_2020 = "https://json-schema.org/draft/2020-12/schema";

/** A false-accept of the planted adapter on `instance`, as the campaign reports one. */
function plantedFinding(instance: unknown): Finding {
  return {
    target: { file: "t.json", pointer: "", uri: "u" }, adapter: planted.name, kind: "false-accept", instance, expected: "invalid", oracle: "invalid", actual: "valid",
    keyword: "maxItems", schemaPath: null, instancePath: "", seed: 1, path: null,
  };
}

/** A schema hiding `anyOf: [{maxItems: n}]` among keywords that play no part in the bug, chosen by the seed. */
function bloated(seed: number): JsonSchema {
  const extras: Array<[string, unknown]> = [
    ["type", "array"], ["items", { type: "integer", minimum: -1e6 }], ["uniqueItems", true], ["properties", { a: { minLength: 2 } }],
    ["minItems", 1], ["not", { type: "string" }], ["$defs", { x: { maxLength: 3 } }], ["allOf", [{ contains: { minimum: 0 } }]],
  ];
  const chosen = extras.filter((_, i) => ((seed >> i) & 1) === 1 || i % 3 === seed % 3);
  return { $schema: SCHEMA_2020, ...Object.fromEntries(chosen), anyOf: [{ maxItems: 1 + (seed % 2), type: "array" }, { type: "string" }] } as JsonSchema;
}

describe("random schemas: schema shrinking", function () {
  this.timeout(300_000);
  let witnesses: Adapter[] = [];
  before(async () => {
    witnesses = await createAdapters(["ajv", "cfworker"], 10_000, "assert");
  });
  after(async () => {
    await closeAll(witnesses);
  });

  it("keeps the planted adapter's disagreement (maxItems inside anyOf) and cuts every other keyword", async () => {
    await forEachSeedAsync([1, 2, 6, 13], async (seed) => {
      const schema = bloated(seed);
      const doc = randomDocument(schema, "2020-12", `shrink-${seed}`);
      const target = listTargets([doc], registryOf([doc]), { definitions: false })[0]!;
      const instance = [1, 2, 3];
      const [found, ...more] = await judgeTargetFindings(target, [plantedFinding(instance)], [planted, ...witnesses], [], { formats: "assert", timeoutMs: 10_000, seed, stopped: () => false }, {});
      expect(more).to.deep.equal([]);
      expect(found!.standing).to.equal("confirmed");
      expect(found!.disagreement).to.deep.equal([`${planted.name}=valid`]);
      expect(found!.shrunk).to.equal(true);
      expect(keywordSignature(found!.schema, "2020-12"), JSON.stringify(found!.schema)).to.deep.equal(["anyOf", "maxItems"]);
      expect(found!.observations).to.deep.equal({ [planted.name]: "valid", ajv: "invalid", cfworker: "invalid" });
    });
  });

  it("a disagreement that goes away without `format` (a format under `not`) is a format-difference, not shrunk, blaming no one", async () => {
    const formatBlind: Adapter = {
      ...planted, name: "format-blind",
      async prepare(target) {
        return { ok: true, handle: new Ajv2020({ strict: false, validateFormats: false }).compile(target.schema as object) };
      },
    };
    const doc = randomDocument({ $schema: SCHEMA_2020, not: { format: "ipv4" }, minLength: 1 }, "2020-12", "format-under-not");
    const target = listTargets([doc], registryOf([doc]), { definitions: false })[0]!;
    const finding: Finding = { ...plantedFinding("x"), adapter: "format-blind", kind: "false-reject", expected: "valid", oracle: "valid", actual: "invalid" };
    const [found] = await judgeTargetFindings(target, [finding], [formatBlind, ...witnesses], [], { formats: "assert", timeoutMs: 10_000, seed: 1, stopped: () => false }, {});
    expect(found!.standing).to.equal("format-difference");
    expect(found!.shrunk).to.equal(false);
  });

  it("never cuts $schema, and each candidate is a one-edit smaller document (a cut, `true`, a hoisted branch, a shorter value)", () => {
    const schema = { $schema: SCHEMA_2020, anyOf: [{ maxItems: 12 }, true], title: "abcd" };
    const candidates = [...smallerSchemas(schema)];
    expect(candidates.every((c) => (c as Record<string, unknown>).$schema === SCHEMA_2020)).to.equal(true);
    expect(candidates).to.deep.include({ $schema: SCHEMA_2020, title: "abcd" });
    expect(candidates).to.deep.include({ $schema: SCHEMA_2020, anyOf: [true], title: "abcd" });
    expect(candidates).to.deep.include({ $schema: SCHEMA_2020, anyOf: [{ maxItems: 1 }, true], title: "abcd" });
    expect(candidates).to.deep.include({ $schema: SCHEMA_2020, maxItems: 12 });
    expect(candidates).to.deep.include({ $schema: SCHEMA_2020, anyOf: [{ maxItems: 12 }, true], title: "ab" });
  });

  it("stops at its check limit and returns the smallest schema that held so far", async () => {
    let checks = 0;
    const result = await shrinkSchema({ $schema: SCHEMA_2020, a: 1, b: 2, c: 3 }, async () => ++checks > 0, { maxChecks: 2 });
    expect(result.checks).to.equal(2);
    expect(Object.keys(result.schema as object)).to.have.length(2);
  });
});
