import { expect } from "chai";
import { lineWithTexts } from "../../src/adapters/subprocess/raw-text.js";
import { jsonTextOf } from "../../src/model/json-text.js";

describe("exact texts of instances in a request line (probes spelled -0, 1.0, 2^53+1)", function () {
  const line = (instances: unknown[]) => JSON.stringify({ cmd: "run", seq: 1, case: { tests: instances.map((instance) => ({ instance })) } });

  it("writes each instance that has a text as that text, the others as JSON.stringify does", function () {
    const out = lineWithTexts([{ n: 1 }, { n: 0 }, "\u0000conform-text-x-2"], ['{"n":1.0}', undefined, undefined], line);
    expect(out).to.contain('"instance":{"n":1.0}');
    expect(out).to.contain('"instance":{"n":0}');
    expect(out).to.contain('"instance":"\\u0000conform-text-x-2"'); // a string that looks like a placeholder stays a string
    expect(JSON.parse(out).case.tests.map((t: { instance: unknown }) => t.instance)).to.deep.equal([{ n: 1 }, { n: 0 }, "\u0000conform-text-x-2"]);
  });

  it("without texts the line is JSON.stringify's", function () {
    expect(lineWithTexts([{ n: 1 }], undefined, line)).to.equal(line([{ n: 1 }]));
    expect(lineWithTexts([{ n: 1 }], [undefined], line)).to.equal(line([{ n: 1 }]));
  });

  it("an instance's text puts each probe's spelling at its pointer, keys escaped", function () {
    const instance = { "a/b": [0, 9007199254740992], c: 100 };
    const text = jsonTextOf(instance, [
      { probe: "-0", instancePath: "/a~1b/0", text: "-0" },
      { probe: "2^53+1", instancePath: "/a~1b/1", text: "9007199254740993" },
      { probe: "exponent 1e2", instancePath: "/c", text: "1e2" },
      { probe: "uint8 max", instancePath: "/x" },
    ]);
    expect(text).to.equal('{"a/b":[-0,9007199254740993],"c":1e2}');
    expect(jsonTextOf(instance, [{ probe: "uint8 max", instancePath: "/c" }])).to.equal(undefined);
  });
});
