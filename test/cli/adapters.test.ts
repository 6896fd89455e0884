import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import { IN_PROCESS_DEFINITIONS, SUPPORTED_VERSIONS, npmInstallHint } from "../../src/adapters/inprocess/catalog.js";
import { compareVersions, satisfiesRange } from "../../src/adapters/version-range.js";
import { rangeNote } from "../../src/cli/adapters.js";
import { REPO_ROOT } from "../helpers/paths.js";
import { runConform } from "./run-conform.js";

describe("conform adapters: supported version ranges", () => {
  it("reads ranges as npm writes them: comparators joined by spaces, alternatives by ||", () => {
    expect(satisfiesRange("4.1.6", ">=4.0.0 <5")).to.equal(true);
    expect(satisfiesRange("5.0.0", ">=4.0.0 <5")).to.equal(false);
    expect(satisfiesRange("6.0.2", ">=6.0.0 <13")).to.equal(true);
    expect(satisfiesRange("0.58.3", ">=0.20 <1")).to.equal(true);
    expect(satisfiesRange("0.9.0", ">=0.20 <1")).to.equal(false);
    expect(satisfiesRange("2.0.0", "<1 || >=2")).to.equal(true);
    expect(compareVersions("1.10.0", "1.9.9")).to.be.greaterThan(0);
    expect(compareVersions("8.0.0-beta.1", "8.0.0")).to.equal(0);
  });

  it("states a range for every built-in adapter, the same as package.json's optional peer dependencies", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };
    for (const d of IN_PROCESS_DEFINITIONS) {
      expect(SUPPORTED_VERSIONS[d.name], d.name).to.be.a("string");
      if (d.packageName === "ajv") {
        expect(manifest.dependencies.ajv).to.be.a("string");
        continue;
      }
      expect(manifest.peerDependencies[d.packageName], d.packageName).to.equal(SUPPORTED_VERSIONS[d.name]);
      expect(manifest.peerDependenciesMeta[d.packageName]?.optional, d.packageName).to.equal(true);
    }
  });

  it("says whether the installed version is in range, and an install hint that fits a global or a project install", () => {
    expect(rangeNote("cfworker", "4.1.6")).to.equal(", in range >=4.0.0 <5");
    expect(rangeNote("z-schema", "13.0.0")).to.include("OUT OF RANGE >=6.0.0 <13");
    expect(npmInstallHint("@cfworker/json-schema", "/usr/local/lib/node_modules/schema-conform")).to.equal("npm install -g @cfworker/json-schema");
    expect(npmInstallHint("@cfworker/json-schema", "/home/me/app/node_modules/schema-conform")).to.equal("npm install @cfworker/json-schema");
  });

  it("lists each installed adapter with its version and range", async function () {
    this.timeout(60_000);
    const r = await runConform(["adapters"], { timeoutMs: 50_000 });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^cfworker +in-process +\d+\.\d+\.\d+, in range >=4\.0\.0 <5/m);
  });
});
