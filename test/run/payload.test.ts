import { expect } from "chai";
import fc from "fast-check";
import { targetSeed } from "../../src/run/payload.js";
import { forEachSeed } from "../helpers/seeds.js";

describe("targetSeed (per-target seeds)", () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}\.json$/);
  const pointer = fc.constantFrom("", "/definitions/A", "/$defs/B", "/definitions/A~1B");

  it("does not depend on the folder the schema sits in, so a seed reproduces in any checkout (property)", () => {
    forEachSeed([7], (seed) =>
      fc.assert(
        fc.property(fc.integer(), name, pointer, fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 4 }), (seed, file, ptr, dirs) => {
          expect(targetSeed(seed, { file: `/${dirs.join("/")}/${file}`, pointer: ptr })).to.equal(targetSeed(seed, { file: `/elsewhere/${file}`, pointer: ptr }));
        }),
        { numRuns: 300, seed },
      ),
    );
  });

  it("gives different definitions of one bundle different seeds", () => {
    const seeds = new Set(Array.from({ length: 449 }, (_, i) => targetSeed(5, { file: "/x/bundle.json", pointer: `/definitions/D${i}` })));
    expect(seeds.size).to.equal(449);
  });
});
