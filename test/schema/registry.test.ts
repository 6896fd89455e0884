import { expect } from "chai";
import { InputError } from "../../src/schema/errors.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { SchemaRegistry, type SchemaDocument } from "../../src/schema/registry.js";
import type { Dialect } from "../../src/schema/dialect.js";

function registryWith(schema: JsonSchema, dialect: Dialect = "2020-12", uri = "https://example.com/root.json"): { registry: SchemaRegistry; doc: SchemaDocument } {
  const registry = new SchemaRegistry();
  const doc: SchemaDocument = { uri, file: "root.json", dialect, declaresDialect: true, schema };
  registry.add(doc);
  return { registry, doc };
}

describe("schema registry and $ref resolution", () => {
  it("resolves JSON pointers, escaped tokens and percent-encoding", () => {
    const { registry, doc } = registryWith({ $defs: { "a/b": { type: "string" }, "c d": { type: "null" }, "t~x": { type: "integer" } } });
    const root = registry.locate(doc, "")!;
    expect(registry.resolve(root, "#/$defs/a~1b", "/x").schema).to.deep.equal({ type: "string" });
    expect(registry.resolve(root, "#/$defs/c%20d", "/x").schema).to.deep.equal({ type: "null" });
    expect(registry.resolve(root, "#/$defs/t~0x", "/x").schema).to.deep.equal({ type: "integer" });
  });

  it("resolves relative refs against a nested $id, and $anchor inside it", () => {
    const { registry, doc } = registryWith({
      $defs: {
        inner: { $id: "nested/inner.json", $defs: { leaf: { $anchor: "leaf", type: "boolean" } } },
      },
    });
    const root = registry.locate(doc, "")!;
    const inner = registry.resolve(root, "nested/inner.json", "/x");
    expect(inner.base).to.equal("https://example.com/nested/inner.json");
    expect(registry.resolve(inner, "#leaf", "/x").schema).to.deep.equal({ $anchor: "leaf", type: "boolean" });
    expect(registry.lookup("https://example.com/nested/inner.json#/$defs/leaf")?.schema).to.deep.include({ type: "boolean" });
  });

  it("treats a draft-07 `$id: \"#name\"` as an anchor, not a base change", () => {
    const { registry, doc } = registryWith({ definitions: { a: { $id: "#foo", type: "integer" } } }, "draft-07");
    const root = registry.locate(doc, "")!;
    const a = registry.resolve(root, "#foo", "/x");
    expect(a.pointer).to.equal("/definitions/a");
    expect(a.base).to.equal("https://example.com/root.json");
  });

  it("ignores a nested $schema without $id (schemars repeats it in definitions)", () => {
    const { registry, doc } = registryWith({ definitions: { a: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "integer" } } }, "draft-07");
    expect(registry.locate(doc, "/definitions/a")!.dialect).to.equal("draft-07");
  });

  it("never reaches the network: an unknown remote is an InputError naming file and pointer", () => {
    const { registry, doc } = registryWith({ properties: { a: { $ref: "https://example.org/elsewhere.json" } } });
    const a = registry.locate(doc, "/properties/a")!;
    expect(() => registry.resolve(a, "https://example.org/elsewhere.json", "/properties/a/$ref"))
      .to.throw(InputError, /root\.json#\/properties\/a\/\$ref: cannot resolve \$ref/);
  });

  it("resolves a $ref to any dialect's meta-schema (or a vocabulary of it) from ajv's copies, registering them only on use", () => {
    const metas = [
      ["http://json-schema.org/draft-04/schema#", "draft-04"], ["http://json-schema.org/draft-06/schema#", "draft-06"], ["http://json-schema.org/draft-07/schema#", "draft-07"],
      ["https://json-schema.org/draft/2019-09/schema", "2019-09"], ["https://json-schema.org/draft/2020-12/schema", "2020-12"], ["https://json-schema.org/draft/2020-12/meta/validation", "2020-12"],
    ] as const;
    for (const [uri, dialect] of metas) {
      const { registry, doc } = registryWith({ properties: { s: { $ref: uri } } });
      const before = registry.documents.size;
      const found = registry.resolve(registry.locate(doc, "/properties/s")!, uri, "/properties/s/$ref");
      expect(found.dialect, uri).to.equal(dialect);
      expect(found.document.file, uri).to.match(/node_modules[\/]ajv/);
      expect(registry.documents.size, uri).to.be.greaterThan(before);
      // The dialect's vocabulary meta-schemas, which its root refers to, come along.
      if (dialect === "2020-12") expect(registry.document("https://json-schema.org/draft/2020-12/meta/core"), uri).to.not.equal(undefined);
    }
    const { registry } = registryWith({ type: "string" });
    expect(registry.documents.size).to.equal(1);
  });

  it("lets a loaded document shadow a meta-schema's URI", () => {
    const { registry } = registryWith({ type: "string" }, "2020-12", "https://json-schema.org/draft/2020-12/schema");
    expect(registry.lookup("https://json-schema.org/draft/2020-12/schema")!.schema).to.deep.equal({ type: "string" });
  });

  it("resolves relative refs against urn: bases", () => {
    const { registry, doc } = registryWith({ $defs: { x: { type: "string" } } }, "2020-12", "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed");
    const root = registry.locate(doc, "")!;
    expect(registry.resolve(root, "#/$defs/x", "/x").schema).to.deep.equal({ type: "string" });
  });
});
