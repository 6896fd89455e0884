import { expect } from "chai";
import fc from "fast-check";
import path from "node:path";
import { spawnSync } from "node:child_process";
import type { Adapter, Prepared, Verdict } from "../../src/adapters/adapter.js";
import { createAdapter } from "../../src/adapters/spec.js";
import type { IhopAdapter } from "../../src/adapters/subprocess/ihop-adapter.js";
import { pythonExecutable } from "../../src/adapters/subprocess/python-harnesses.js";
import type { Dialect } from "../../src/schema/dialect.js";
import { needsShared, SHARED_SUITE } from "../helpers/paths.js";
import { schemaServer, waitUntilGone } from "./processes.js";
import { suiteDisagreements } from "./suite-agreement.js";
import { REPO_ROOT, simpleTarget, targetOf } from "./targets.js";

const SUITE_FILES = ["type.json", "required.json", "properties.json", "enum.json", "anyOf.json", "oneOf.json", "additionalProperties.json", "items.json", "ref.json", "uniqueItems.json"];

const HARNESSES: Array<{ name: string; modules: string[]; folders: string[]; dialect: Dialect }> = [
  { name: "python-jsonschema", modules: ["jsonschema", "referencing"], folders: ["draft2020-12", "draft7"], dialect: "2020-12" },
  { name: "python-jsonschema-rs", modules: ["jsonschema_rs"], folders: ["draft2020-12", "draft7"], dialect: "2020-12" },
  { name: "python-fastjsonschema", modules: ["fastjsonschema"], folders: ["draft7", "draft4"], dialect: "draft-07" },
];

/**
 * Suite groups a library fails on its own, listed so that every other disagreement still fails
 * the test (and an entry it no longer fails fails the test too). fastjsonschema cannot resolve
 * "#/definitions/…" under a relative base inside a subschema with its own id (upstream: it fails
 * "refs with relative uris and defs" even given the schema directly), and has no meta-schemas
 * built in (this registry holds none).
 */
const KNOWN: Record<string, string[]> = {
  "python-fastjsonschema": ["remote ref, containing refs itself", "refs with relative uris and defs", "relative refs with absolute uris and defs"],
};

const knownSeen = new Map(HARNESSES.map((h) => [h.name, [] as string[]]));

function importable(modules: string[]): boolean {
  return spawnSync(pythonExecutable(), ["-c", `import ${modules.join(", ")}`], { stdio: "ignore" }).status === 0;
}

async function check(adapter: Adapter, target: ReturnType<typeof simpleTarget>, instances: unknown[]): Promise<Verdict[] | Prepared> {
  const prepared = await adapter.prepare(target);
  return prepared.ok ? adapter.validate(prepared, instances) : prepared;
}

describe("python harnesses' request decoding (orjson when it reads a line as json does)", function () {
  it("reads every line exactly as json.loads does: big integers, floats, lone surrogates, duplicate keys (property)", function () {
    if (!importable(["orjson"])) this.skip();
    const awkward = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((n) => ({ raw: n.toString() })),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom("3.141592653589793238462643383279", "2.2250738585072011e-308", "1.7976931348623157e308", "5e-324", "-0.0", "1E400").map((raw) => ({ raw })),
      fc.string({ unit: "binary" }),
    );
    const text = (v: unknown): string => (v !== null && typeof v === "object" && "raw" in (v as object) ? (v as { raw: string }).raw : JSON.stringify(v) ?? "null");
    const lines = fc.sample(fc.array(awkward, { maxLength: 6 }), { numRuns: 2000, seed: 5 }).map((vs, i) => `{"xs":[${vs.map(text).join(",")}]${i % 5 === 0 ? ',"d":1,"d":"\\ud800"' : ""}}`);
    const script = [
      "import sys, json",
      `sys.path.insert(0, ${JSON.stringify(path.join(REPO_ROOT, "adapters", "python"))})`,
      "import ihop",
      "bad = [l for l in sys.stdin.read().splitlines() if repr(ihop.decode(l)) != repr(json.loads(l))]",
      "print(json.dumps(bad[:3]), len(bad))",
    ].join("\n");
    const run = spawnSync(pythonExecutable(), ["-c", script], { input: lines.join("\n"), encoding: "utf8" });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout.trim()).to.equal("[] 0");
  });
});

for (const harness of HARNESSES) {
  describe(`python harness ${harness.name}`, function () {
    let adapter: IhopAdapter;
    before(async function () {
      // CI installs adapters/python/requirements.txt, so there these tests always run.
      if (!importable(harness.modules)) this.skip();
      adapter = (await createAdapter(harness.name, { timeoutMs: 30_000 })) as IhopAdapter;
    });
    after(async () => adapter?.close());

    it("starts with the library's version and its dialects", function () {
      expect(adapter.version).to.match(/^\d+\.\d+/);
      expect(adapter.dialects).to.include("http://json-schema.org/draft-07/schema#");
    });

    for (const folder of harness.folders) {
      it(`agrees with the JSON-Schema-Test-Suite (${folder})`, async function () {
        needsShared(this, SHARED_SUITE);
        const known = KNOWN[harness.name] ?? [];
        const all = await suiteDisagreements(adapter, folder, SUITE_FILES);
        expect(all.filter((d) => !known.includes(d.group))).to.deep.equal([]);
        // An entry that no longer disagrees anywhere is stale: the list must say only what is true.
        knownSeen.get(harness.name)!.push(...all.map((d) => d.group));
      });
    }

    it("lists no known disagreement that it does not have", function () {
      needsShared(this, SHARED_SUITE);
      const seen = new Set(knownSeen.get(harness.name));
      expect((KNOWN[harness.name] ?? []).filter((g) => !seen.has(g))).to.deep.equal([]);
    });

    it("resolves a bundle definition and a second document from the registry", async function () {
      const bundle = { definitions: { Order: { type: "object", properties: { line: { $ref: "lines.json#/definitions/Line" }, qty: { $ref: "#/definitions/Qty" } } }, Qty: { type: "integer", minimum: 1 } } };
      const lines = { definitions: { Line: { type: "string", maxLength: 3 } } };
      const target = targetOf(harness.dialect, [{ uri: "file:///work/schemas/orders.json", schema: bundle }, { uri: "file:///work/schemas/lines.json", schema: lines }], "/definitions/Order");
      expect(await check(adapter, target, [{ line: "ab", qty: 1 }, { line: "abcd" }, { qty: 0 }])).to.deep.equal([{ valid: true }, { valid: false }, { valid: false }]);
    });

    it("never fetches a reference from the network", async function () {
      const server = await schemaServer();
      try {
        const outcome = await check(adapter, simpleTarget({ properties: { x: { $ref: `${server.base}remote.json` } } }, harness.dialect), [{ x: "s" }]);
        expect(server.requests).to.deep.equal([]);
        expect(JSON.stringify(outcome)).not.to.contain('"valid"');
      } finally {
        await server.close();
      }
    });

    it("skips a dialect the library does not implement", async function () {
      if (harness.name !== "python-fastjsonschema") {
        expect(await adapter.prepare(simpleTarget({ type: "string" }, "2019-09"))).to.include({ ok: true });
        return;
      }
      expect(await adapter.prepare(simpleTarget({ type: "string" }, "2020-12"))).to.include({ ok: false, skipped: true });
    });

    it("leaves no python process behind after close", async function () {
      const second = (await createAdapter(harness.name, { timeoutMs: 30_000 })) as IhopAdapter;
      const pid = second.pid as number;
      await second.close();
      expect(await waitUntilGone(pid)).to.equal(true);
    });
  });
}
