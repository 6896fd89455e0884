import { expect } from "chai";
import fc from "fast-check";
import { JsonPositions } from "../../src/report/json-positions.js";
import { forEachSeed } from "../helpers/seeds.js";

/** Every JSON pointer of a value, with the value there. */
function pointersOf(value: unknown, at = ""): Array<[string, unknown]> {
  const here: Array<[string, unknown]> = [[at, value]];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pointersOf(v, `${at}/${i}`)));
  if (typeof value === "object" && value !== null) return here.concat(Object.entries(value).flatMap(([k, v]) => pointersOf(v, `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`)));
  return here;
}

/** The text at a 1-based line and column. */
function textAt(text: string, line: number, column: number): string {
  return text.split("\n")[line - 1]!.slice(column - 1);
}

describe("JsonPositions: JSON pointer → line and column", () => {
  const text = `{\n  "a": {"b~c/d": [1, {"x": null}]},\n  "e": "f"\n}`;
  const positions = new JsonPositions(text);

  it("places the root, members (at their key) and items (at their value), with escaped pointer tokens", () => {
    expect(positions.at("")).to.deep.equal({ line: 1, column: 1 });
    expect(positions.at("/a")).to.deep.equal({ line: 2, column: 3 });
    expect(positions.at("/a/b~0c~1d")).to.deep.equal({ line: 2, column: 9 });
    expect(positions.at("/a/b~0c~1d/1/x")).to.deep.equal({ line: 2, column: 23 });
    expect(positions.at("/e")).to.deep.equal({ line: 3, column: 3 });
    expect(positions.at("/missing")).to.equal(undefined);
  });

  it("falls back to the nearest ancestor, and a text that is not JSON gives only what came before the fault", () => {
    expect(positions.nearest("/a/b~0c~1d/7/y")).to.deep.equal({ line: 2, column: 9 });
    const broken = new JsonPositions(`{"a": 1, "b": }`);
    expect(broken.at("/a")).to.deep.equal({ line: 1, column: 2 });
    expect(broken.nearest("/b")).to.deep.equal({ line: 1, column: 10 });
  });

  it("finds every pointer of any JSON value, compact or indented, at its key or its value", () => {
    forEachSeed([1, 2, 3], (seed) => {
      fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2), (value, indent) => {
        const json = JSON.stringify(value, null, indent);
        const map = new JsonPositions(json);
        for (const [pointer, v] of pointersOf(value)) {
          const at = map.at(pointer);
          expect(at, pointer).to.not.equal(undefined);
          const rest = textAt(json, at!.line, at!.column);
          const key = pointer.split("/").pop()!.replace(/~1/g, "/").replace(/~0/g, "~");
          const parent = pointersOf(value).find(([p]) => p === pointer.slice(0, pointer.lastIndexOf("/")))?.[1];
          const isMember = pointer !== "" && !Array.isArray(parent);
          expect(rest.startsWith(isMember ? JSON.stringify(key) : JSON.stringify(v, null, indent).split("\n")[0]!), `${pointer} in ${json}`).to.equal(true);
        }
      }), { seed, numRuns: 60 });
    });
  });
});
