import { expect } from "chai";
import type { Verdict } from "../../src/adapters/adapter.js";
import { classify, disagreementKind, faultKind, oracleDisagrees, verdictKind, type ClassifyInput } from "../../src/compare/classify.js";
import type { Expectation } from "../../src/model/finding.js";

const EXPECTATIONS: Expectation[] = ["valid", "invalid"];
const VERDICTS: Verdict[] = [
  { valid: true },
  { valid: false },
  { skipped: true },
  { skipped: true, message: "dialect not supported" },
  { errored: true, message: "boom" },
  { errored: true, message: "crash", fault: "adapter-error" },
  { errored: true, message: "slow", fault: "adapter-timeout" },
  { errored: true, message: "garbage", fault: "protocol-error" },
];

/** Every combination of the three witnesses and the format flag: 2 × 2 × 8 × 2. */
const ALL_INPUTS: ClassifyInput[] = EXPECTATIONS.flatMap((expected) =>
  [true, false].flatMap((oracleValid) =>
    VERDICTS.flatMap((actual) => [true, false].map((formatOnly) => ({ expected, oracle: { valid: oracleValid }, actual, formatOnly }))),
  ),
);

/** Exhaustive rather than sampled: 64 cases are cheap, and a sample could miss one. */
function forEveryInput(check: (i: ClassifyInput) => void): void {
  for (const i of ALL_INPUTS) {
    try {
      check(i);
    } catch (error) {
      throw new Error(`${JSON.stringify(i)} → ${JSON.stringify(classify(i))}: ${(error as Error).message}`);
    }
  }
}
const labelValid = (i: ClassifyInput): boolean => i.expected === "valid";
const adapterValid = (i: ClassifyInput): boolean | undefined => ("valid" in i.actual ? i.actual.valid : undefined);

describe("compare/classify", () => {
  it("covers 64 combinations", () => {
    expect(ALL_INPUTS).to.have.length(64);
  });

  describe("DESIGN.md's definitions, over every combination", () => {
    it("false-accept: adapter says valid; construction and oracle say invalid; not format-only", () => {
      forEveryInput((i) => {
          const expected = adapterValid(i) === true && !labelValid(i) && !i.oracle.valid && !i.formatOnly;
          expect(classify(i) === "false-accept").to.equal(expected);
      });
    });

    it("false-reject: adapter says invalid; construction and oracle say valid; not format-only", () => {
      forEveryInput((i) => {
          const expected = adapterValid(i) === false && labelValid(i) && i.oracle.valid && !i.formatOnly;
          expect(classify(i) === "false-reject").to.equal(expected);
      });
    });

    it("format-difference: what would be a false accept or reject, when only format explains it", () => {
      forEveryInput((i) => {
          const disagrees = adapterValid(i) !== undefined && adapterValid(i) !== labelValid(i);
          const expected = disagrees && labelValid(i) === i.oracle.valid && i.formatOnly;
          expect(classify(i) === "format-difference").to.equal(expected);
      });
    });

    it("a fault is reported as its fault kind (adapter-error when unlabelled), whatever the others say", () => {
      forEveryInput((i) => {
          if ("errored" in i.actual) expect(classify(i)).to.equal(i.actual.fault ?? "adapter-error");
          else expect(classify(i)).to.be.oneOf([null, "false-accept", "false-reject", "format-difference", "oracle-disagreement"]);
      });
    });

    it("oracle-disagreement whenever the oracle contradicts the label and the adapter gave no fault", () => {
      forEveryInput((i) => {
          const expected = labelValid(i) !== i.oracle.valid && !("errored" in i.actual);
          expect(classify(i) === "oracle-disagreement").to.equal(expected);
      });
    });

    it("nothing to report when the three witnesses agree, or when the adapter skipped an agreed payload", () => {
      forEveryInput((i) => {
          const agreed = labelValid(i) === i.oracle.valid;
          const expected = agreed && ("skipped" in i.actual || adapterValid(i) === labelValid(i));
          expect(classify(i) === null).to.equal(expected);
      });
    });
  });

  describe("each rule", () => {
    it("faultKind reads the fault of an errored verdict only", () => {
      expect(faultKind({ errored: true, message: "x", fault: "protocol-error" })).to.equal("protocol-error");
      expect(faultKind({ errored: true, message: "x" })).to.equal("adapter-error");
      expect(faultKind({ valid: false })).to.equal(null);
      expect(faultKind({ skipped: true })).to.equal(null);
    });

    it("oracleDisagrees compares the oracle with the label", () => {
      expect(oracleDisagrees("valid", { valid: false })).to.equal(true);
      expect(oracleDisagrees("invalid", { valid: true })).to.equal(true);
      expect(oracleDisagrees("valid", { valid: true })).to.equal(false);
      expect(oracleDisagrees("invalid", { valid: false })).to.equal(false);
    });

    it("disagreementKind names the direction", () => {
      expect(disagreementKind("invalid", true)).to.equal("false-accept");
      expect(disagreementKind("valid", false)).to.equal("false-reject");
      expect(disagreementKind("valid", true)).to.equal(null);
      expect(disagreementKind("invalid", false)).to.equal(null);
    });

    it("verdictKind turns a disagreement, not an agreement, into format-difference when format-only", () => {
      expect(verdictKind("invalid", true, true)).to.equal("format-difference");
      expect(verdictKind("valid", false, true)).to.equal("format-difference");
      expect(verdictKind("invalid", false, true)).to.equal(null);
      expect(verdictKind("invalid", true, false)).to.equal("false-accept");
    });
  });
});
