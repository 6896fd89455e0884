import { expect } from "chai";
import path from "node:path";
import { REPO_ROOT } from "../helpers/paths.js";
import { backwardArrows, importArrows, relativeSpecifiers, stageOf } from "./stages.js";

describe("import graph (no stage imports from a later one)", () => {
  it("has no arrow from an earlier stage of src/ to a later one", () => {
    const arrows = importArrows(path.join(REPO_ROOT, "src"));
    expect(arrows.length, "the parser found the imports of src/").to.be.greaterThan(500);
    expect(backwardArrows(arrows)).to.deep.equal([]);
  });

  it("names each planted wrong arrow, and allows imports within a stage and downwards", () => {
    const graph = [
      { from: "report/console.ts", to: "run/finding.ts" },
      { from: "oracle/ajv-factory.ts", to: "canonical/decimal.ts" },
      { from: "run/target-run.ts", to: "model/finding.ts" },
      { from: "run/target-run.ts", to: "run/judge.ts" },
      { from: "index.ts", to: "cli/main.ts" },
      { from: "cli/main.ts", to: "index.ts" },
      { from: "keywords/const.ts", to: "schema/dialect.ts" },
    ];
    expect(backwardArrows(graph)).to.deep.equal([
      "report/console.ts → run/finding.ts: report comes before run",
      "oracle/ajv-factory.ts → canonical/decimal.ts: oracle comes before canonical",
      "cli/main.ts → index.ts: cli comes before library",
      "keywords/const.ts → schema/dialect.ts: keywords comes before schema",
    ]);
  });

  it("refuses a folder that has no place in the order", () => {
    expect(backwardArrows([{ from: "run/a.ts", to: "misc/b.ts" }])).to.deep.equal(["run/a.ts → misc/b.ts: folder misc has no place in the stage order"]);
  });

  it("reads type imports, re-exports, multi-line imports, side-effect imports and import() types", () => {
    const source = [
      `import type { A } from "../model/a.js";`,
      `export { B } from './b.js';`,
      `import {\n  C,\n  type D,\n} from "../c/d.js";`,
      `import "./side.js";`,
      `type E = import("../e.js").E;`,
      `import fc from "fast-check";`,
      `const s = "not an import from \\"./x.js\\"";`,
    ].join("\n");
    expect(relativeSpecifiers(source).sort()).to.deep.equal(["../c/d.js", "../e.js", "../model/a.js", "./b.js", "./side.js"]);
  });

  it("places src/index.ts and src/mocha.ts on top and a file by its first folder", () => {
    expect([stageOf("index.ts"), stageOf("mocha.ts"), stageOf("generate/valid/types/string.ts")]).to.deep.equal(["library", "library", "generate"]);
  });
});
