import { expect } from "chai";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Adapter, Verdict } from "../../src/adapters/adapter.js";
import { createAdapter } from "../../src/adapters/spec.js";
import { UsageError } from "../../src/schema/errors.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { REPO_ROOT, simpleTarget, targetOf } from "./targets.js";

const EXAMPLE = path.join(REPO_ROOT, "examples/module-adapter");

function writeModule(name: string, source: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "conform-module-"));
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return file;
}

async function usageErrorOf(spec: string): Promise<Error> {
  let error: unknown;
  await createAdapter(spec).catch((e: unknown) => (error = e));
  expect(error).to.be.instanceOf(UsageError);
  return error as Error;
}

describe("module: adapters", function () {
  describe("the example in examples/module-adapter (TypeScript, loaded through tsx)", function () {
    let adapter: Adapter;
    let ajv: Adapter;
    const schema = JSON.parse(readFileSync(path.join(EXAMPLE, "user.schema.json"), "utf8")) as JsonSchema;
    const target = targetOf("2020-12", [{ uri: "file:///examples/user.schema.json", schema }]);
    const users: unknown[] = [
      { id: 1, name: "Ada", role: "admin" },
      { id: 2, name: "Bob", role: "guest", tags: ["a", "b"] },
      { id: 0, name: "Zero", role: "member" },
      { id: 3, name: "", role: "member" },
      { id: 4, name: "x".repeat(65), role: "member" },
      { id: 5, name: "😀".repeat(64), role: "member" },
      { id: 6, name: "Eve", role: "root" },
      { id: 7, name: "Dup", role: "guest", tags: ["a", "a"] },
      { id: 8, name: "Extra", role: "guest", nickname: "e" },
      { id: 9.5, name: "Half", role: "guest" },
      { name: "NoId", role: "guest" },
      [1, 2],
      null,
    ];
    before(async () => {
      adapter = await createAdapter(`module:${path.join(EXAMPLE, "adapter.ts")}`);
      ajv = await createAdapter("ajv");
    });
    after(async () => {
      await adapter.close();
      await ajv.close();
    });

    it("is loaded with its name, version and dialects", function () {
      expect(adapter.name).to.equal("user-parser");
      expect(adapter.version).to.equal("1.0.0");
      expect(adapter.dialects).to.deep.equal(["https://json-schema.org/draft/2020-12/schema"]);
    });

    it("agrees with ajv on valid and invalid users", async function () {
      const mine = await adapter.prepare(target);
      const theirs = await ajv.prepare(target);
      if (!mine.ok || !theirs.ok) throw new Error("prepare failed");
      const verdicts = await adapter.validate(mine, users);
      expect(verdicts).to.deep.equal(await ajv.validate(theirs, users));
      expect(verdicts.filter((v) => "valid" in v && v.valid)).to.have.length(3);
    });

    it("skips schemas it does not implement", async function () {
      expect(await adapter.prepare(simpleTarget({ type: "string" }))).to.include({ ok: false, skipped: true });
    });
  });

  it("loads a JavaScript module exporting a factory under the name `adapter`", async function () {
    const file = writeModule("factory.mjs", `
      export function adapter(options) {
        return { name: "even", dialects: ["https://json-schema.org/draft/2020-12/schema"], timeout: options.timeoutMs,
          async prepare() { return { ok: true, handle: null }; },
          async validate(_p, xs) { return xs.map((x) => ({ valid: x % 2 === 0 })); },
          async close() {} };
      }`);
    const adapter = await createAdapter(`module:${file}`, { timeoutMs: 1234 });
    const p = await adapter.prepare(simpleTarget({}));
    if (!p.ok) throw new Error("prepare failed");
    expect(await adapter.validate(p, [2, 3])).to.deep.equal([{ valid: true }, { valid: false }]);
    await adapter.close();
  });

  it("turns a throwing, hanging or miscounting module into fault verdicts", async function () {
    const file = writeModule("faulty.mjs", `
      export default { name: "faulty", dialects: [],
        async prepare() { return { ok: true, handle: null }; },
        async validate(_p, xs) {
          if (xs[0] === "throw") throw new Error("boom");
          if (xs[0] === "hang") return new Promise(() => {});
          return [];
        },
        async close() {} };`);
    const adapter = await createAdapter(`module:${file}`, { timeoutMs: 300 });
    const p = await adapter.prepare(simpleTarget({}));
    if (!p.ok) throw new Error("prepare failed");
    const first = (v: Verdict[]): Verdict | undefined => v[0];
    expect(first(await adapter.validate(p, ["throw"]))).to.include({ errored: true, fault: "adapter-error" });
    expect(first(await adapter.validate(p, ["hang"]))).to.include({ errored: true, fault: "adapter-timeout" });
    expect(first(await adapter.validate(p, ["few", "verdicts"]))).to.include({ errored: true, fault: "adapter-error" });
    await adapter.close();
  });

  it("refuses a module that is missing or exports no adapter, naming the path", async function () {
    expect((await usageErrorOf("module:/nonexistent/adapter.ts")).message).to.contain("/nonexistent/adapter.ts");
    const file = writeModule("empty.mjs", "export const nothing = 1;");
    expect((await usageErrorOf(`module:${file}`)).message).to.match(/must be an Adapter.*missing a string `name`/);
    const broken = writeModule("broken.mjs", "export default {");
    expect((await usageErrorOf(`module:${broken}`)).message).to.contain("cannot load");
  });
});
