import { expect } from "chai";
import type { Adapter, Prepared, Verdict } from "../../src/adapters/adapter.js";
import { IN_PROCESS_DEFINITIONS } from "../../src/adapters/inprocess/catalog.js";
import { installedPackageVersion } from "../../src/adapters/package-root.js";
import { createAdapter } from "../../src/adapters/spec.js";
import type { Dialect } from "../../src/schema/dialect.js";
import { needsShared, SHARED_SUITE } from "../helpers/paths.js";
import { schemaServer } from "./processes.js";
import { suiteDisagreements } from "./suite-agreement.js";
import { registryOf, simpleTarget, targetOf } from "./targets.js";

const SUITE_FILES = ["type.json", "required.json", "properties.json", "enum.json", "anyOf.json", "allOf.json", "oneOf.json", "additionalProperties.json", "items.json", "pattern.json", "maximum.json", "minLength.json", "not.json", "uniqueItems.json"];
const SUITE_FOLDERS: Array<{ folder: string; dialect: Dialect }> = [
  { folder: "draft2020-12", dialect: "2020-12" },
  { folder: "draft7", dialect: "draft-07" },
  { folder: "draft4", dialect: "draft-04" },
];

/**
 * Suite groups these libraries fail on their own (not through the adapter); listed so that the
 * test still catches every other disagreement. ajv and z-schema look properties up through the
 * prototype chain ("__proto__", "toString"); ajv refuses an empty enum at compile time.
 */
const KNOWN_UPSTREAM_FAILURES: Record<string, string[]> = {
  ajv: ["required properties whose names are Javascript object property names", "properties whose names are Javascript object property names", "(prepare) empty enum"],
  // z-schema 12 also refuses an empty enum when compiling, as ajv does.
  "z-schema": ["required properties whose names are Javascript object property names", "properties whose names are Javascript object property names", "(prepare) empty enum"],
};

/** z-schema resolves a relative ref only against an `id`, and misresolves fragments against one (see z-schema.ts): it must skip, never answer wrongly. */
const CANNOT_RESOLVE_RELATIVE_TO_RETRIEVAL_URI = new Set(["z-schema"]);

/** Libraries that resolve `$ref` when compiling (so a dangling ref makes prepare skip) rather than while validating. */
const RESOLVES_AT_COMPILE = new Set(["ajv", "hyperjump", "schemasafe", "z-schema"]);

async function check(adapter: Adapter, target: ReturnType<typeof simpleTarget>, instances: unknown[]): Promise<Verdict[] | Prepared> {
  const prepared = await adapter.prepare(target);
  return prepared.ok ? adapter.validate(prepared, instances) : prepared;
}

for (const definition of IN_PROCESS_DEFINITIONS) {
  describe(`in-process adapter ${definition.name}`, function () {
    let adapter: Adapter;
    const installed = installedPackageVersion(definition.packageName);
    // The installed release's dialects (z-schema 6 knows draft-04 only, 12 all five).
    const supported = (installed && definition.dialectsOf?.(installed)) || definition.dialects;
    const dialect: Dialect = supported.includes("2020-12") ? "2020-12" : supported.includes("draft-07") ? "draft-07" : "draft-04";
    before(async () => (adapter = await createAdapter(definition.name, { timeoutMs: 20_000 })));
    after(() => adapter.close());

    it("reports the installed version of its library", function () {
      expect(adapter.name).to.equal(definition.name);
      expect(adapter.version).to.match(/^\d+\.\d+\.\d+/);
    });

    const folders = SUITE_FOLDERS.filter((f) => supported.includes(f.dialect)).slice(0, 2);
    for (const { folder } of folders) {
      it(`agrees with the JSON-Schema-Test-Suite (${folder})`, async function () {
        needsShared(this, SHARED_SUITE);
        const known = KNOWN_UPSTREAM_FAILURES[definition.name] ?? [];
        const disagreements = (await suiteDisagreements(adapter, folder, SUITE_FILES)).filter(
          (d) => !known.includes(d.group) && !known.includes(`${d.test} ${d.group}`),
        );
        expect(disagreements).to.deep.equal([]);
      });
    }

    it("validates a definition inside a bundle that refers to its siblings", async function () {
      const bundle = { definitions: { Item: { type: "object", properties: { qty: { $ref: "#/definitions/Qty" } }, required: ["qty"] }, Qty: { type: "integer", minimum: 1 } } };
      const target = targetOf(dialect, [{ uri: "file:///work/schemas/bundle.json", schema: bundle }], "/definitions/Item");
      expect(await check(adapter, target, [{ qty: 2 }, { qty: 0 }, {}, { qty: "2" }])).to.deep.equal([{ valid: true }, { valid: false }, { valid: false }, { valid: false }]);
    });

    it("judges boolean schemas as targets: a `false` or `true` document, and a `false` definition", async function () {
      if (dialect === "draft-04") this.skip(); // no boolean schemas before draft-06
      for (const [schema, expected] of [[false, false], [true, true]] as const) {
        expect(await check(adapter, simpleTarget(schema, dialect), [1, "a", null]), `${schema} root`).to.deep.equal([{ valid: expected }, { valid: expected }, { valid: expected }]);
      }
      const bundle = { definitions: { Never: false, Always: true } };
      const never = targetOf(dialect, [{ uri: "file:///work/schemas/booleans.json", schema: bundle }], "/definitions/Never");
      expect(await check(adapter, never, [1, {}])).to.deep.equal([{ valid: false }, { valid: false }]);
    });

    it("resolves relative references between documents of the registry", async function () {
      const main = { type: "object", properties: { id: { $ref: "common/types.json#/definitions/Id" } } };
      const types = { definitions: { Id: { type: "string", pattern: "^[a-z]+$" } } };
      const target = targetOf(dialect, [
        { uri: "file:///work/schemas/main.json", schema: main },
        { uri: "file:///work/schemas/common/types.json", schema: types },
      ]);
      const outcome = await check(adapter, target, [{ id: "abc" }, { id: "ABC" }, { id: 1 }]);
      if (CANNOT_RESOLVE_RELATIVE_TO_RETRIEVAL_URI.has(definition.name)) expect(outcome).to.include({ ok: false, skipped: true });
      else expect(outcome).to.deep.equal([{ valid: true }, { valid: false }, { valid: false }]);
    });

    it("resolves references to a document known by its $id", async function () {
      const idKey = dialect === "draft-04" ? "id" : "$id";
      const main = { [idKey]: "https://example.com/main.json", items: { $ref: "defs.json#/definitions/Flag" } };
      const defs = { [idKey]: "https://example.com/defs.json", definitions: { Flag: { type: "boolean" } } };
      const target = targetOf(dialect, [{ uri: "https://example.com/main.json", schema: main }, { uri: "https://example.com/defs.json", schema: defs }]);
      expect(await check(adapter, target, [[true, false], [true, 0]])).to.deep.equal([{ valid: true }, { valid: false }]);
    });

    it("still judges a target when another document of the registry is one it refuses (a urn: id)", async function () {
      const idKey = dialect === "draft-04" ? "id" : "$id";
      const main = { type: "object", properties: { n: { type: "integer" } } };
      const other = { [idKey]: "urn:uuid:5f0c6e38-3f5b-4c1e-9d6a-2f1b7c9e4a10", definitions: { s: { type: "string" } } };
      const target = targetOf(dialect, [{ uri: "https://example.com/main.json", schema: main }, { uri: "https://example.com/other.json", schema: other }]);
      expect(await check(adapter, target, [{ n: 1 }, { n: "1" }])).to.deep.equal([{ valid: true }, { valid: false }]);
    });

    it("finds a document by the URL it was retrieved from when its $id says otherwise", async function () {
      const idKey = dialect === "draft-04" ? "id" : "$id";
      const registry = registryOf(dialect, [{ uri: "https://example.com/main.json", schema: { items: { $ref: "http://localhost:1234/served.json" } } }]);
      const served = { [idKey]: "https://example.com/real-id.json", type: "boolean" };
      registry.add({ uri: "https://example.com/real-id.json", file: "served.json", dialect, declaresDialect: false, schema: served }, ["http://localhost:1234/served.json"]);
      const main = registry.lookup("https://example.com/main.json")!;
      const target = { id: "main.json", file: "main.json", pointer: "", documentUri: "https://example.com/main.json", uri: "https://example.com/main.json", dialect, schema: main.schema, registry };
      expect(await check(adapter, target, [[true], [1]])).to.deep.equal([{ valid: true }, { valid: false }]);
    });

    it("never fetches a reference from the network", async function () {
      const server = await schemaServer();
      try {
        const target = simpleTarget({ properties: { x: { $ref: `${server.base}remote.json` } } }, dialect);
        const outcome = await check(adapter, target, [{ x: "s" }, { x: 1 }]);
        expect(server.requests).to.deep.equal([]);
        expect(JSON.stringify(outcome)).not.to.contain('"valid"');
      } finally {
        await server.close();
      }
    });

    if (RESOLVES_AT_COMPILE.has(definition.name)) {
      it("skips a schema it cannot compile", async function () {
        const outcome = await check(adapter, simpleTarget({ $ref: "#/definitions/missing" }, dialect), [1]);
        expect(outcome).to.include({ ok: false, skipped: true });
      });
    } else {
      it("reports an unresolvable reference as an adapter error, not a verdict", async function () {
        const outcome = await check(adapter, simpleTarget({ properties: { a: { $ref: "#/definitions/missing" } } }, dialect), [{ a: 1 }]);
        expect(outcome).to.have.length(1);
        expect((outcome as Verdict[])[0]).to.include({ errored: true, fault: "adapter-error" });
      });
    }

    const unsupported = (["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"] as const).filter((d) => !supported.includes(d));
    for (const other of unsupported) {
      it(`skips a target in ${other}, which it does not support`, async function () {
        const prepared = await adapter.prepare(simpleTarget({ type: "string" }, other));
        expect(prepared).to.include({ ok: false, skipped: true });
      });
    }
  });
}
