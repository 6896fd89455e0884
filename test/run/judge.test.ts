import { expect } from "chai";
import fc from "fast-check";
import type { Adapter, Verdict } from "../../src/adapters/adapter.js";
import { judgePayload, ORACLE_NAME } from "../../src/run/judge.js";
import type { Payload } from "../../src/run/payload.js";

const adapter = (name: string) => ({ name }) as Adapter;

const VERDICTS: Verdict[] = [
  { valid: true },
  { valid: false },
  { skipped: true, message: "not supported" },
  { errored: true, fault: "adapter-error", message: "boom" },
  { errored: true, fault: "adapter-timeout", message: "slow" },
];

describe("judgePayload: the rule order of compare/classify.ts", function () {
  it("a fault is its adapter's finding whatever the oracle says; an oracle-disagreement judges no adapter otherwise (property)", function () {
    fc.assert(
      fc.property(fc.constantFrom<"valid" | "invalid">("valid", "invalid"), fc.boolean(), fc.array(fc.constantFrom(...VERDICTS), { minLength: 1, maxLength: 4 }), (expected, oracleValid, verdicts) => {
        const payload: Payload = { instance: 1, expected, label: null };
        const map = new Map(verdicts.map((v, i) => [adapter(`a${i}`), v] as const));
        const out = judgePayload(0, payload, oracleValid, map);
        const faulty = verdicts.flatMap((v, i) => ("errored" in v ? [[`a${i}`, v.fault]] : []));
        expect(out.filter((d) => d.adapter !== ORACLE_NAME && (d.kind === "adapter-error" || d.kind === "adapter-timeout")).map((d) => [d.adapter, d.kind])).to.deep.equal(faulty);
        const doubted = (expected === "valid") !== oracleValid;
        expect(out.some((d) => d.kind === "oracle-disagreement")).to.equal(doubted);
        if (doubted) expect(out.filter((d) => d.kind === "false-accept" || d.kind === "false-reject")).to.deep.equal([]);
      }),
      { numRuns: 300 },
    );
  });
});
