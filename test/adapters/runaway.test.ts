import { expect } from "chai";
import { IN_PROCESS_DEFINITIONS } from "../../src/adapters/inprocess/catalog.js";
import { createAdapter } from "../../src/adapters/spec.js";
import type { Dialect } from "../../src/schema/dialect.js";
import { simpleTarget } from "./targets.js";

/**
 * Exponential backtracking in every backtracking regex engine: minutes, not milliseconds.
 * z-schema 12 refuses the first at compile (a nested quantifier); the second, an alternation
 * of equal branches, it compiles and runs for seconds at 26 characters.
 */
const CATASTROPHIC = [{ type: "string", pattern: "^(a+)+$" }, { type: "string", pattern: "^(a|a)*$" }];
const EVIL = "a".repeat(33) + "!";

describe("runaway protection of in-process adapters", function () {
  for (const definition of IN_PROCESS_DEFINITIONS) {
    it(`${definition.name}: a catastrophic pattern times out alone; the rest of the batch and the next batch get verdicts`, async function () {
      const dialect: Dialect = definition.dialects.includes("draft-07") ? "draft-07" : "draft-04";
      const adapter = await createAdapter(definition.name, { timeoutMs: 1000 });
      try {
        let prepared = await adapter.prepare(simpleTarget(CATASTROPHIC[0]!, dialect));
        if (!prepared.ok && "skipped" in prepared) prepared = await adapter.prepare(simpleTarget(CATASTROPHIC[1]!, dialect));
        if (!prepared.ok) throw new Error(JSON.stringify(prepared));
        const verdicts = await adapter.validate(prepared, ["aaa", EVIL, "b"]);
        expect(verdicts[0]).to.deep.equal({ valid: true });
        expect(verdicts[1]).to.include({ errored: true, fault: "adapter-timeout" });
        expect(verdicts[2]).to.deep.equal({ valid: false });
        expect(await adapter.validate(prepared, ["aa", "ab"])).to.deep.equal([{ valid: true }, { valid: false }]);
      } finally {
        await adapter.close();
      }
    });
  }
});
