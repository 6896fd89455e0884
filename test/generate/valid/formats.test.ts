import { expect } from "chai";
import fc from "fast-check";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { formatArbitrary, formatCheck, GENERATED_FORMATS } from "../../../src/generate/valid/formats/index.js";
import { ASSERTED_FORMATS } from "../../../src/oracle/format-policy.js";
import { validPayloads } from "./helpers.js";
import { forEachSeed } from "../../helpers/seeds.js";

const STRING_FORMATS = Object.entries(fullFormats)
  .filter(([, def]) => !(typeof def === "object" && def !== null && "type" in def && def.type === "number"))
  .map(([name]) => name);

describe("valid generation: formats", function () {
  this.timeout(60_000);

  it("every string format ajv-formats knows has a generator", function () {
    expect(STRING_FORMATS.filter((f) => !GENERATED_FORMATS.includes(f))).to.deep.equal([]);
    expect(ASSERTED_FORMATS.filter((f) => formatArbitrary(f) === undefined)).to.deep.equal([]);
  });

  for (const name of GENERATED_FORMATS) {
    it(`${name}: 1,000 values over several seeds pass ajv-formats' own check`, function () {
      const check = formatCheck(name);
      forEachSeed([1, 2, 3, 4], (seed) => {
        const bad = fc.sample(formatArbitrary(name)!, { numRuns: 250, seed }).filter((s) => !check(s));
        expect(bad.slice(0, 3), name).to.deep.equal([]);
      });
    });
  }

  it("asserted formats inside schemas: every payload valid under ajv (draft-07 and 2020-12)", function () {
    for (const format of ASSERTED_FORMATS) {
      validPayloads({ type: "string", format }, "draft-07", 50);
      validPayloads({ properties: { x: { format } }, required: ["x"] }, "2020-12", 50);
    }
  });

  it("a format with length bounds and a second format (filtered by ajv-formats' check) hold together", function () {
    validPayloads({ type: "string", format: "hostname", maxLength: 12 }, "draft-07");
    validPayloads({ allOf: [{ format: "uri" }, { format: "uri-reference" }], type: "string" }, "draft-07");
  });
});
