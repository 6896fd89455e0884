import { expect } from "chai";
import path from "node:path";
import { fuzz, InputError } from "../../src/index.js";
import { REPO_ROOT } from "../helpers/paths.js";

/** event.json is good; broken.json is not JSON; bad-pattern.json holds a regex ajv cannot compile at /properties/code/pattern. */
const MIXED = path.join(REPO_ROOT, "test/library/fixtures/mixed");
const file = (name: string): string => path.join(MIXED, name);

describe("library fuzz(): a bad file among good ones", function () {
  this.timeout(120_000);

  it("is a target in error with one reason naming file and pointer, and the good file is still fuzzed", async () => {
    const report = await fuzz({ schemas: [MIXED], runs: 20, seed: 4 });
    const byFile = new Map(report.targets.map((t) => [t.target.file, t]));
    expect([...byFile.keys()].sort()).to.deep.equal([file("bad-pattern.json"), file("broken.json"), file("event.json")]);
    const good = byFile.get(file("event.json"))!;
    expect(good.status).to.equal("ok");
    expect(good.payloads.valid + good.payloads.invalid).to.equal(20);
    const broken = byFile.get(file("broken.json"))!;
    expect(broken.status).to.equal("error");
    expect(broken.message).to.match(new RegExp(`^${escape(file("broken.json"))}: invalid JSON: [^\\n]+$`));
    const pattern = byFile.get(file("bad-pattern.json"))!;
    expect(pattern.status).to.equal("error");
    expect(pattern.target.pointer).to.equal("");
    expect(pattern.message).to.match(new RegExp(`^${escape(file("bad-pattern.json"))}#/properties/code/pattern: invalid regular expression [^\\n]+$`));
    expect(report.totals.targets).to.equal(3);
  });

  it("alone, it rejects with the InputError naming file and pointer (nothing to fuzz), as the CLI exits 2 at once", async () => {
    let caught: unknown;
    await fuzz({ schemas: [file("bad-pattern.json")], runs: 5, seed: 1 }).catch((e: unknown) => (caught = e));
    expect(caught).to.be.instanceOf(InputError);
    expect((caught as InputError).message).to.match(new RegExp(`^${escape(file("bad-pattern.json"))}#/properties/code/pattern: `));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
