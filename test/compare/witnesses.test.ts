import { expect } from "chai";
import { observeVerdict, validity } from "../../src/compare/observation.js";
import { collectWitnesses } from "../../src/compare/witnesses.js";

describe("compare/witnesses", () => {
  it("reads verdicts as report observations", () => {
    expect(observeVerdict({ valid: true })).to.equal("valid");
    expect(observeVerdict({ valid: false })).to.equal("invalid");
    expect(observeVerdict({ skipped: true })).to.equal("skipped");
    expect(observeVerdict({ errored: true, message: "x" })).to.equal("error");
    expect(observeVerdict({ errored: true, message: "x", fault: "protocol-error" })).to.equal("error");
    expect(observeVerdict({ errored: true, message: "x", fault: "adapter-timeout" })).to.equal("timeout");
    expect(validity(false)).to.equal("invalid");
  });

  it("sorts adapters by whether they side with the label or with ajv, in input order", () => {
    const summary = collectWitnesses("invalid", { valid: true }, [
      { adapter: "python-jsonschema", verdict: { valid: false } },
      { adapter: "cfworker", verdict: { valid: true } },
      { adapter: "hyperjump", verdict: { valid: false } },
      { adapter: "slow", verdict: { errored: true, message: "t", fault: "adapter-timeout" } },
      { adapter: "picky", verdict: { skipped: true } },
    ]);
    expect(summary.label).to.equal("invalid");
    expect(summary.oracle).to.equal("valid");
    expect(summary.withLabel).to.deep.equal(["python-jsonschema", "hyperjump"]);
    expect(summary.withOracle).to.deep.equal(["cfworker"]);
    expect(summary.silent).to.deep.equal(["slow", "picky"]);
    expect(summary.observations).to.deep.equal({
      label: "invalid",
      oracle: "valid",
      "python-jsonschema": "invalid",
      cfworker: "valid",
      hyperjump: "invalid",
      slow: "timeout",
      picky: "skipped",
    });
  });

  it("counts an adapter that agrees with both, when label and oracle agree, as siding with the label", () => {
    const summary = collectWitnesses("valid", { valid: true }, [{ adapter: "a", verdict: { valid: true } }, { adapter: "b", verdict: { valid: false } }]);
    expect(summary.withLabel).to.deep.equal(["a"]);
    expect(summary.withOracle).to.deep.equal([]);
    expect(summary.silent).to.deep.equal(["b"]);
  });
});
