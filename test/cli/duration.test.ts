import { expect } from "chai";
import { parseDuration } from "../../src/cli/duration.js";
import { UsageError } from "../../src/schema/errors.js";

describe("--duration parsing (src/cli/duration.ts)", () => {
  it("reads seconds, minutes, hours, milliseconds, decimals and parts together", () => {
    expect(parseDuration("90s")).to.equal(90_000);
    expect(parseDuration("5m")).to.equal(300_000);
    expect(parseDuration("1h")).to.equal(3_600_000);
    expect(parseDuration("500ms")).to.equal(500);
    expect(parseDuration("1.5m")).to.equal(90_000);
    expect(parseDuration("1h30m")).to.equal(5_400_000);
    expect(parseDuration(" 2m10s ")).to.equal(130_000);
  });

  it("refuses a bare number (ms or seconds? --timeout takes ms), naming the units", () => {
    expect(() => parseDuration("60")).to.throw(UsageError, /a unit is needed: 60s/);
  });

  it("refuses what is not a time, and zero", () => {
    for (const bad of ["", "s", "5 minutes", "-5s", "5x", "1h-5m"]) expect(() => parseDuration(bad), bad).to.throw(UsageError, /--duration takes a time/);
    expect(() => parseDuration("0s")).to.throw(UsageError, /longer than 0/);
  });
});
