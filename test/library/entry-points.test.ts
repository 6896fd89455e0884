import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../helpers/paths.js";

/**
 * Findings cannot show whether the format-blind twins were made (FormatProbe falls back to the
 * adapter on a format-free copy of the registry, which gives the same verdicts), so this checks
 * the construction: the three entry points build no campaign of their own, and the one that
 * builds it hands the campaign its twin maker.
 */
describe("one entry point builds fuzzing campaigns", () => {
  const source = (file: string): string => fs.readFileSync(path.join(REPO_ROOT, "src", file), "utf8");

  for (const file of ["index.ts", "mocha.ts", "cli/fuzz.ts"]) {
    it(`${file} runs campaigns only through run/fuzz.ts`, () => {
      const text = source(file);
      expect(text).to.match(/\brunFuzz\(/);
      expect(text).not.to.match(/run\/campaign\.js|\brunCampaign\(|createAdapters?\(|loadInputs\(|listTargets\(/);
    });
  }

  it("run/fuzz.ts gives the campaign the format-blind twins of its adapters", () => {
    expect(source("run/fuzz.ts")).to.match(/formatBlind: formatBlindOf\(timeoutMs\)/);
  });
});
