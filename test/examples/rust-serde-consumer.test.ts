import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fuzz } from "../../src/index.js";
import type { RunReport } from "../../src/model/report.js";
import { EXAMPLES, REPO_ROOT } from "../helpers/paths.js";

const EXAMPLE = path.join(REPO_ROOT, "examples/rust-serde-consumer");
/** Where Debian's librust-*-dev packages put crate sources (the example's .cargo/config.toml reads them there). */
const DEBIAN_CRATES = "/usr/share/cargo/registry";

/** cargo: $CARGO, else on PATH, else rustup's default place. */
function findCargo(): string | undefined {
  const candidates = [process.env.CARGO, "cargo", path.join(process.env.HOME ?? "/root", ".cargo/bin/cargo")].filter((c): c is string => !!c);
  return candidates.find((c) => {
    try {
      execFileSync(c, ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  });
}

function whyNotBuildable(cargo: string | undefined): string | undefined {
  if (!cargo) return "no cargo (install Rust, or set CARGO)";
  const crates = existsSync(DEBIAN_CRATES) ? readdirSync(DEBIAN_CRATES) : [];
  for (const crate of ["serde-1", "serde_derive-1", "serde_json-1"]) {
    if (!crates.some((c) => c.startsWith(crate))) return `no ${crate.slice(0, -2)} sources in ${DEBIAN_CRATES} (apt-get install librust-serde-json-dev librust-serde-derive-dev)`;
  }
  return undefined;
}

describe("examples/rust-serde-consumer: a typed consumer in Rust as an exec: adapter", function () {
  this.timeout(600_000);
  let targetDir: string;
  let binary: string;
  let report: RunReport;

  before(async function () {
    const cargo = findCargo();
    const reason = whyNotBuildable(cargo);
    if (reason) {
      console.log(`      skipped: the Rust example cannot be built here: ${reason}`);
      this.skip();
    }
    targetDir = mkdtempSync(path.join(tmpdir(), "conform-rust-target-"));
    const started = performance.now();
    execFileSync(cargo!, ["build", "--release", "--offline", "--quiet"], { cwd: EXAMPLE, env: { ...process.env, CARGO_TARGET_DIR: targetDir }, stdio: ["ignore", "ignore", "inherit"] });
    console.log(`      built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    binary = path.join(targetDir, "release/rust-serde-consumer");
    const schemas = [path.join(EXAMPLES, "AccountUpdatedNotification.json"), path.join(EXAMPLES, "file-tree.json")];
    report = await fuzz({ schemas, adapters: [`exec:${binary}`], seed: 1, runs: 200, probes: "all" });
  });

  after(function () {
    if (targetDir) rmSync(targetDir, { recursive: true, force: true });
  });

  it("finds the agentIdentity break: a value the new schema allows that the old AuthMode cannot decode", function () {
    const breaks = report.findings.filter((f) => f.kind === "false-reject" && f.target.file.endsWith("AccountUpdatedNotification.json"));
    expect(breaks.map((f) => f.instance)).to.deep.include({ authMode: "agentIdentity" });
  });

  it("finds integer-width gaps on file-tree (u64 size, u32 mode), each finding naming its probe", function () {
    const gaps = report.findings.filter((f) => f.kind === "false-reject" && f.target.file.endsWith("file-tree.json") && f.probes);
    const names = gaps.flatMap((f) => f.probes!.map((m) => m.probe));
    expect(names.some((n) => /^(uint64|uint32|int64|2\^|-0|integral float|exponent)/.test(n)), names.join(", ")).to.equal(true);
    expect(report.targets.every((t) => t.status === "ok")).to.equal(true);
  });
});
