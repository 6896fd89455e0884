import { expect } from "chai";
import type { Adapter, Verdict } from "../../src/adapters/adapter.js";
import { FormatProbe, rewriteFormats } from "../../src/run/format-only.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { SchemaRegistry } from "../../src/schema/registry.js";
import { listTargets } from "../../src/schema/targets.js";
import type { Target } from "../../src/schema/target.js";

const S = "https://json-schema.org/draft/2020-12/schema";

function targetOf(schema: JsonSchema): Target {
  const registry = new SchemaRegistry();
  const doc = { uri: "https://example.com/probe.json", file: "probe.json", dialect: "2020-12" as const, declaresDialect: true, schema };
  registry.add(doc);
  return listTargets([doc], registry, { definitions: false })[0]!;
}

/** Rejects what `rejects` says while the schema it is given still has a `format` keyword anywhere; accepts everything otherwise. */
function rejectsUnderFormat(rejects: (v: unknown) => boolean): Adapter {
  return {
    name: "rejects-under-format",
    dialects: [S],
    async prepare(target) {
      return { ok: true, handle: JSON.stringify(target.schema).includes('"format":"') };
    },
    async validate(p, instances): Promise<Verdict[]> {
      return instances.map((i) => ({ valid: !(p.handle as boolean && rejects(i)) }));
    },
    async close() {},
  };
}

describe("FormatProbe: a false reject is format-only only when a format looks at a string and the adapter accepts once formats are gone", () => {
  const schema: JsonSchema = { $schema: S, properties: { at: { format: "date-time" }, format: { enum: [{ format: "email" }] } } };

  it("rewrites format keywords only: a property named format and data in enum stay as they are", () => {
    const out = rewriteFormats(schema, (n) => delete n.format);
    expect(out).to.deep.equal({ $schema: S, properties: { at: {}, format: { enum: [{ format: "email" }] } } });
  });

  const probed: JsonSchema = { $schema: S, properties: { at: { format: "date-time" }, format: { type: "string" } } };

  it("a reject of a string under format, gone without the formats: format-only", async () => {
    const probe = new FormatProbe(targetOf(probed));
    expect(await probe.rejectsAreFormatOnly(rejectsUnderFormat(() => true), [{ at: "2016-12-31T23:59:60Z" }])).to.deep.equal([true]);
  });

  it("a reject of a non-string under format, or of an instance no format looks at, is real even when formats cause it", async () => {
    const probe = new FormatProbe(targetOf(probed));
    expect(await probe.rejectsAreFormatOnly(rejectsUnderFormat(() => true), [{ at: 5 }, { other: "x" }, { format: "a@b" }])).to.deep.equal([false, false, false]);
  });

  it("a reject that survives without the formats is real", async () => {
    const adapter: Adapter = { ...rejectsUnderFormat(() => true), async validate(_p, instances) { return instances.map(() => ({ valid: false })); } };
    expect(await new FormatProbe(targetOf(probed)).rejectsAreFormatOnly(adapter, [{ at: "2016-12-31T23:59:60Z" }])).to.deep.equal([false]);
  });

  it("a number under a numeric or custom format (int32) is a value that format may reject: format-only", async () => {
    const numeric: JsonSchema = { $schema: S, properties: { exitCode: { type: "integer", format: "int32" } } };
    const probe = new FormatProbe(targetOf(numeric));
    expect(await probe.rejectsAreFormatOnly(rejectsUnderFormat(() => true), [{ exitCode: 2 ** 40 }, {}])).to.deep.equal([true, false]);
  });
});
