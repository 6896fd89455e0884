import { expect } from "chai";
import { BUILT_IN_ADAPTER_NAMES, createAdapter, listAdapters } from "../../src/adapters/spec.js";
import { UsageError } from "../../src/schema/errors.js";

describe("adapter specs", function () {
  it("names every built-in adapter of DESIGN.md", function () {
    expect(BUILT_IN_ADAPTER_NAMES).to.include.members(["ajv", "cfworker", "hyperjump", "schemasafe", "z-schema", "jsonschema", "python-jsonschema", "python-jsonschema-rs", "python-fastjsonschema"]);
  });

  it("refuses an unknown spec with a UsageError naming it and the known ones", async function () {
    let error: unknown;
    await createAdapter("no-such-validator").catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(UsageError);
    expect((error as Error).message).to.contain('"no-such-validator"').and.contain("python-jsonschema").and.contain("exec:").and.contain("module:");
  });

  it("lists every built-in adapter with its kind, and a version or an install hint", async function () {
    const listing = await listAdapters();
    expect(listing.map((l) => l.name)).to.deep.equal([...BUILT_IN_ADAPTER_NAMES]);
    for (const entry of listing) {
      expect(entry.kind).to.equal(entry.name.startsWith("python-") ? "subprocess" : "in-process");
      if (entry.available) expect(entry.version).to.match(/^\d+\.\d+/);
      else expect(entry.install).to.be.a("string").and.not.equal("");
    }
    expect(listing.find((l) => l.name === "ajv")).to.include({ available: true });
  });

  it("lists a Python adapter as unavailable, with the pip command, when its interpreter is missing", async function () {
    const saved = process.env.CONFORM_PYTHON;
    process.env.CONFORM_PYTHON = "/nonexistent/python3";
    try {
      const python = (await listAdapters()).filter((l) => l.kind === "subprocess");
      expect(python).to.have.length(3);
      for (const entry of python) expect(entry).to.include({ available: false, install: "pip install -r adapters/python/requirements.txt" });
    } finally {
      if (saved === undefined) delete process.env.CONFORM_PYTHON;
      else process.env.CONFORM_PYTHON = saved;
    }
  });
});
