import { expect } from "chai";
import { checkIsSchema } from "../../src/oracle/meta-check.js";
import { setAsideBadTargets } from "../../src/schema/bad-targets.js";
import { InputError, type InputWarning } from "../../src/schema/errors.js";
import { firstNonSchema } from "../../src/schema/schema-positions.js";
import { checkReferenceCycles } from "../../src/schema/check-cycles.js";
import { checkPatterns } from "../../src/schema/check-patterns.js";
import { DIALECTS, readDialectUri, type Dialect } from "../../src/schema/dialect.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { SchemaRegistry, type SchemaDocument } from "../../src/schema/registry.js";
import { listTargets } from "../../src/schema/targets.js";

function registryOf(schemas: Record<string, JsonSchema>, dialect: Dialect = "2020-12"): { registry: SchemaRegistry; docs: SchemaDocument[] } {
  const registry = new SchemaRegistry();
  const docs = Object.entries(schemas).map(([name, schema]) => ({ uri: `file:///t/${name}`, file: name, dialect, declaresDialect: false, schema }));
  for (const d of docs) registry.add(d);
  return { registry, docs };
}

const messages = (errors: Error[]): string[] => errors.map((e) => e.message);

describe("invalid regular expressions (as ajv compiles them: ECMA-262 with the u flag)", () => {
  it("names the pointer of each pattern and patternProperties key that does not compile", () => {
    const { docs } = registryOf({
      "a.json": { pattern: "[", properties: { x: { pattern: "\\p{Foo}" }, ok: { pattern: "^\\p{L}+$" } }, patternProperties: { "^(a": true, "^a/b$": {} } },
    });
    expect(messages(checkPatterns(docs[0]!))).to.deep.equal([
      'a.json#/pattern: invalid regular expression "[": Unterminated character class (ECMA-262 with the u flag, as ajv compiles it)',
      'a.json#/patternProperties/^(a: invalid regular expression "^(a": Unterminated group (ECMA-262 with the u flag, as ajv compiles it)',
      'a.json#/properties/x/pattern: invalid regular expression "\\\\p{Foo}": Invalid property name (ECMA-262 with the u flag, as ajv compiles it)',
    ]);
  });

  it("refuses a range out of order and what only the u flag forbids (a lone brace, \\- outside a class), not \\- inside one", () => {
    const { docs } = registryOf({ "a.json": { properties: { a: { pattern: "^[a-z_.-+]+$" }, b: { pattern: "a{" }, c: { pattern: "\\-" }, d: { pattern: "[\\-a]" } } } });
    expect(checkPatterns(docs[0]!).map((e) => e.pointer)).to.deep.equal(["/properties/a/pattern", "/properties/b/pattern", "/properties/c/pattern"]);
  });

  it("ignores a pattern beside $ref in draft-07, as the oracle does, and strings that are not patterns", () => {
    const { docs } = registryOf({ "a.json": { definitions: { s: {} }, properties: { a: { $ref: "#/definitions/s", pattern: "[" } }, enum: ["["] } }, "draft-07");
    expect(checkPatterns(docs[0]!)).to.deep.equal([]);
  });
});

describe("reference cycles that never reach into the instance", () => {
  it('finds {"$ref":"#"} and a two-definition cycle with no base case, at the keyword that closes them', () => {
    const { registry, docs } = registryOf({
      "self.json": { $ref: "#" },
      "two.json": { $defs: { a: { $ref: "#/$defs/b" }, b: { $ref: "#/$defs/a" } }, $ref: "#/$defs/a" },
    });
    expect(messages(checkReferenceCycles(docs[0]!, registry))).to.deep.equal(["self.json#/$ref: reference cycle that never reaches into the instance: # → # (a validator following it never ends)"]);
    expect(messages(checkReferenceCycles(docs[1]!, registry))).to.deep.equal([
      "two.json#/$defs/b/$ref: reference cycle that never reaches into the instance: #/$defs/a → #/$defs/b → #/$defs/a (a validator following it never ends)",
    ]);
  });

  it("follows in-place applicators (allOf, anyOf, not, if) and references across documents", () => {
    const { registry, docs } = registryOf({
      "a.json": { anyOf: [{ type: "string" }, { allOf: [{ $ref: "b.json" }] }] },
      "b.json": { not: { if: { $ref: "a.json" } } },
    });
    const errors = checkReferenceCycles(docs[0]!, registry);
    expect(errors).to.have.length(1);
    expect(errors[0]!.file).to.equal("a.json");
    expect(errors[0]!.pointer).to.equal("/anyOf/1/allOf/0");
    expect(errors[0]!.reason).to.contain("file:///t/b.json#/not/if → # → #/anyOf/1");
  });

  it("follows dependentSchemas and schema dependencies, which apply to the same instance (a random schema's cycle through if and dependentSchemas)", () => {
    const { registry, docs } = registryOf({
      "dep.json": { if: { dependentSchemas: { a: { $ref: "#" } } } },
      "list.json": { dependentSchemas: { a: { $ref: "#/$defs/x" } }, $defs: { x: { dependentRequired: { a: ["b"] } } } },
    });
    expect(checkReferenceCycles(docs[0]!, registry).map((e) => e.pointer)).to.deep.equal(["/if/dependentSchemas/a"]);
    expect(checkReferenceCycles(docs[1]!, registry)).to.deep.equal([]);
    const legacy = registryOf({ "old.json": { dependencies: { a: { $ref: "#" }, b: ["c"] } } }, "draft-07");
    expect(checkReferenceCycles(legacy.docs[0]!, legacy.registry).map((e) => e.pointer)).to.deep.equal(["/dependencies/a"]);
  });

  it("accepts recursion that goes through the instance (properties, items) and references to a finished subtree", () => {
    const { registry, docs } = registryOf({
      "tree.json": { $defs: { node: { type: "object", properties: { kids: { type: "array", items: { $ref: "#/$defs/node" } } } }, leaf: { $ref: "#/$defs/node" } }, anyOf: [{ $ref: "#/$defs/node" }, { $ref: "#/$defs/leaf" }] },
      "dangling.json": { $ref: "missing.json" },
    });
    expect(checkReferenceCycles(docs[0]!, registry)).to.deep.equal([]);
    expect(checkReferenceCycles(docs[1]!, registry)).to.deep.equal([]);
  });

  it("in draft-07 follows only $ref where $ref has siblings (they are ignored), and still finds a self-reference", () => {
    const { registry, docs } = registryOf({ "a.json": { $ref: "#/definitions/x", definitions: { x: { $ref: "#", allOf: [{ type: "string" }] } } } }, "draft-07");
    expect(checkReferenceCycles(docs[0]!, registry).map((e) => e.pointer)).to.deep.equal(["/definitions/x/$ref"]);
  });
});

describe("targets set aside for bad input", () => {
  it("sets aside the targets holding an error, and keeps the definitions beside them", () => {
    const { registry, docs } = registryOf({ "b.json": { $defs: { bad: { pattern: "[" }, good: { type: "string" } } } });
    const targets = listTargets(docs, registry, { definitions: true });
    const { targets: kept, bad } = setAsideBadTargets(targets, checkPatterns(docs[0]!));
    expect(kept.map((t) => t.pointer)).to.deep.equal(["/$defs/good"]);
    expect(bad.map((b) => b.target.pointer)).to.deep.equal(["/$defs/bad"]);
    expect(setAsideBadTargets(listTargets(docs, registry, { definitions: false }), checkPatterns(docs[0]!)).targets).to.deep.equal([]);
  });
});

describe("$schema as people write it", () => {
  const cases: Array<[string, string | undefined, boolean]> = [
    ["https://json-schema.org/draft/2020-12/schema", "2020-12", false],
    ["http://json-schema.org/draft-07/schema#", "draft-07", false],
    ["http://json-schema.org/draft-04/schema", "draft-04", false],
    ["http://json-schema.org/draft-04/schema# ", "draft-04", true],
    ["http://json-schema.org/schema#", "draft-04", true],
    ["http://json-schema.org/schema", "draft-04", true],
    ["https://json-schema.org/schema", "2020-12", true],
    ["http://json-schema.org/draft-04/hyper-schema#", "draft-04", true],
    ["http://json-schema.org/draft-07/hyper-schema", "draft-07", true],
    ["http://json-schema.org/draft-06/links#", "draft-06", true],
    ["https://json-schema.org/draft/2019-09/hyper-schema", "2019-09", true],
    ["http://json-schema.org/draft-05/schema#", "draft-04", true],
    ["http://json-schema/org/schema#", undefined, false],
    ["https://example.com/my-meta", undefined, false],
  ];
  for (const [uri, dialect, noted] of cases) {
    it(`reads ${JSON.stringify(uri)} as ${dialect ?? "unknown"}${noted ? ", with a note" : ""}`, () => {
      const reading = readDialectUri(uri);
      if (dialect === undefined) return void expect(reading).to.equal(undefined);
      expect(reading).to.include({ dialect });
      expect(reading && "note" in reading && reading.note !== undefined).to.equal(noted);
    });
  }

  it("sets draft-03 and older apart as unsupported, with the reason", () => {
    expect(readDialectUri("http://json-schema.org/draft-03/schema#")).to.deep.equal({ unsupported: "draft-03 is not supported: ajv cannot judge it" });
    expect(readDialectUri("http://json-schema.org/draft-03/schema")).to.have.property("unsupported");
  });

  it("reads every canonical dialect URI silently", () => {
    for (const d of DIALECTS) expect(readDialectUri(d === "2019-09" || d === "2020-12" ? `https://json-schema.org/draft/${d}/schema` : `http://json-schema.org/${d}/schema#`)).to.deep.equal({ dialect: d });
  });
});

describe("meta-schema failures read as ajv reads them", () => {
  const doc = (schema: JsonSchema): SchemaDocument => ({ uri: "file:///t/m.json", file: "m.json", dialect: "draft-04", declaresDialect: true, schema });

  it("warns where ajv compiles what the meta-schema rejects (draft-04 `required: []`, a boolean subschema)", () => {
    const warnings: InputWarning[] = [];
    checkIsSchema(doc({ type: "object", required: [], properties: { a: true } }), warnings);
    expect(warnings.map((w) => w.pointer)).to.deep.equal(["/required"]);
  });

  it("refuses what ajv refuses too, and what is no schema where one is expected (ajv compiles an array there)", () => {
    expect(() => checkIsSchema(doc({ properties: { a: { required: true } } }), [])).to.throw(InputError, /m\.json#\/properties\/a\/required: .*ajv refuses it too/);
    expect(() => checkIsSchema(doc({ properties: { required: ["a"] } }), [])).to.throw(InputError, /m\.json#\/properties\/required: not a valid draft-04 schema: not a schema here/);
    expect(firstNonSchema({ items: [{}, 3], dependencies: { a: ["b"] } })).to.equal("/items/1");
    expect(firstNonSchema({ items: true, additionalProperties: false, dependencies: { a: ["b"] }, allOf: [{ not: {} }] })).to.equal(undefined);
  });
});
