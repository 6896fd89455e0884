import { expect } from "chai";
import { Oracle } from "../../src/oracle/oracle.js";
import { assertIsSchema } from "../../src/oracle/meta-check.js";
import { InputError } from "../../src/schema/errors.js";
import type { Dialect } from "../../src/schema/dialect.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { SchemaRegistry, type SchemaDocument } from "../../src/schema/registry.js";
import { loadInputs } from "../../src/schema/load.js";
import { listTargets } from "../../src/schema/targets.js";
import { CODEX_BUNDLE, needsShared, SHARED_CODEX } from "../helpers/paths.js";

function oracleFor(schema: JsonSchema, dialect: Dialect, formats: "assert" | "annotate" = "assert") {
  const registry = new SchemaRegistry();
  const doc: SchemaDocument = { uri: "https://example.com/s.json", file: "s.json", dialect, declaresDialect: true, schema };
  registry.add(doc);
  return new Oracle(registry, formats).check(doc.uri, dialect);
}

describe("oracle (ajv by dialect)", () => {
  it("uses draft-04's boolean exclusiveMaximum and 2020-12's prefixItems", () => {
    const d4 = oracleFor({ maximum: 5, exclusiveMaximum: true }, "draft-04");
    expect([d4(5), d4(4.9)]).to.deep.equal([false, true]);
    const d2020 = oracleFor({ prefixItems: [{ type: "string" }], items: false }, "2020-12");
    expect([d2020(["a"]), d2020([1]), d2020(["a", "b"])]).to.deep.equal([true, false, false]);
    const d7 = oracleFor({ items: [{ type: "string" }], additionalItems: false }, "draft-07");
    expect([d7(["a"]), d7(["a", 1])]).to.deep.equal([true, false]);
  });

  it("treats schemars' integer formats as annotations: 2^32 and -1 pass uint32", () => {
    const check = oracleFor({ type: "integer", format: "uint32" }, "draft-07");
    expect([check(2 ** 32), check(-1), check(1.5)]).to.deep.equal([true, true, false]);
    expect(oracleFor({ type: "integer", format: "int32" }, "draft-07")(2 ** 40)).to.equal(true);
  });

  it("asserts specification formats under 'assert' and none under 'annotate'", () => {
    expect(oracleFor({ format: "date" }, "2020-12", "assert")("2024-02-30")).to.equal(false);
    expect(oracleFor({ format: "date" }, "2020-12", "annotate")("2024-02-30")).to.equal(true);
    expect(oracleFor({ format: "made-up" }, "2020-12", "assert")("anything")).to.equal(true);
  });

  it("compiles every Codex definition once, without printing warnings", function () {
    needsShared(this, SHARED_CODEX);
    const { registry, documents } = loadInputs([CODEX_BUNDLE], { defaultDialect: "2020-12" });
    const targets = listTargets(documents, registry, { definitions: true });
    const oracle = new Oracle(registry);
    const printed: unknown[] = [];
    const saved = { warn: console.warn, log: console.log, error: console.error };
    console.warn = console.log = console.error = (...a: unknown[]) => printed.push(a);
    try {
      for (const t of targets) expect(oracle.check(t.uri, t.dialect)).to.be.a("function");
    } finally {
      Object.assign(console, saved);
    }
    expect(printed).to.deep.equal([]);
    expect(oracle.check(targets[0]!.uri, targets[0]!.dialect)).to.equal(oracle.check(targets[0]!.uri, targets[0]!.dialect));
  });

  it("records (and does not throw) when ajv itself crashes on a payload", () => {
    const check = oracleFor({ enum: [{ valueOf: 1 }] }, "2020-12");
    expect(() => check({ valueOf: 1 })).to.not.throw();
  });

  it("rejects a document that is not a schema of its dialect, with the pointer", () => {
    const doc: SchemaDocument = { uri: "https://e.com/x", file: "x.json", dialect: "draft-07", declaresDialect: true, schema: { properties: { a: { minLength: "3" } } } };
    expect(() => assertIsSchema(doc)).to.throw(InputError, /x\.json#\/properties\/a\/minLength: not a valid draft-07 schema/);
  });
});
