/**
 * Scale-out and replay speed, as wall time of whole processes with their peak RSS:
 * - `conform suite --dialect draft-07` against the direct loop (the validator alone over the same
 *   groups, process start included), for ajv in-process and python-jsonschema-rs through its harness;
 * - `conform fuzz` on the Codex bundle with --jobs 1 and --jobs 2 (the same seed: the findings
 *   must be the same).
 *
 *   node dist/bench/scale.js [--runs 100] [--skip-suite] [--skip-jobs]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pythonExecutable } from "../src/adapters/subprocess/python-harnesses.js";
import { runSampled, type SampledRun } from "./rss.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = path.resolve(REPO, "../shared");
const SUITE = path.join(SHARED, "json-schema-test-suite");
const CODEX = path.join(SHARED, "corpus/codex-app-server-protocol/codex_app_server_protocol.v2.schemas.json");
const CONFORM = path.join(REPO, "bin/conform.js");

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

function seconds(r: SampledRun): string {
  return `${(r.wallMs / 1000).toFixed(2)} s, peak RSS ${Math.round(r.peakMb)} MB`;
}

/** The median run of `times` (by wall time): one run of a half-second process varies by a tenth. */
async function medianRun(times: number, run: () => Promise<SampledRun>): Promise<SampledRun> {
  const runs: SampledRun[] = [];
  for (let i = 0; i < times; i++) runs.push(await run());
  return runs.sort((a, b) => a.wallMs - b.wallMs)[times >> 1]!;
}

async function suiteVersusLoop(): Promise<void> {
  if (!fs.existsSync(SUITE)) return void console.log(`suite: skipped, ${SUITE} is absent`);
  const loops: Record<string, () => Promise<SampledRun>> = {
    ajv: () => runSampled(process.execPath, [path.join(REPO, "dist/bench/suite-loop.js"), SUITE, "draft-07"]),
    "python-jsonschema-rs": () => runSampled(pythonExecutable(), [path.join(REPO, "bench/python_suite_loop.py"), "python_jsonschema_rs", SUITE, "draft7", "http://json-schema.org/draft-07/schema#"]),
  };
  // Our process start: node, the CLI's thread and every module loaded (what `--version` does), before any suite file is read.
  const start = await medianRun(5, () => runSampled(process.execPath, [CONFORM, "--version"]));
  console.log(`conform suite --dialect draft-07 vs the direct loop (whole processes, start included; medians of 3); conform's own start ${(start.wallMs / 1000).toFixed(2)} s`);
  for (const [adapter, loop] of Object.entries(loops)) {
    const direct = await medianRun(3, loop);
    if (direct.code !== 0) {
      console.log(`  ${adapter}: direct loop failed (library missing?); skipped`);
      continue;
    }
    const suite = await medianRun(3, () => runSampled(process.execPath, [CONFORM, "suite", "--suite", SUITE, "--dialect", "draft-07", "--adapter", adapter]));
    const inLoop = (JSON.parse(direct.stdout) as { ms?: number; seconds?: number });
    const loopMs = inLoop.ms ?? (inLoop.seconds ?? 0) * 1000;
    const bound = 1.5 * direct.wallMs + start.wallMs;
    console.log(`  ${adapter.padEnd(22)} conform suite ${seconds(suite)}; direct loop ${seconds(direct)} (${Math.round(loopMs)} ms in the loop); ratio ${(suite.wallMs / direct.wallMs).toFixed(2)}×, ${((suite.wallMs - start.wallMs) / direct.wallMs).toFixed(2)}× without our start; bound 1.5 × loop + start = ${(bound / 1000).toFixed(2)} s: ${suite.wallMs <= bound ? "within" : "OVER"}`);
  }
}

async function jobsOneVersusTwo(runs: string): Promise<void> {
  if (!fs.existsSync(CODEX)) return void console.log(`jobs: skipped, ${CODEX} is absent`);
  console.log(`conform fuzz Codex bundle --definitions --runs ${runs} --seed 1, --jobs 1 vs --jobs 2 (${os.availableParallelism()} cores)`);
  const reports: string[] = [];
  const walls: number[] = [];
  for (const jobs of [1, 2]) {
    const report = path.join(os.tmpdir(), `conform-bench-jobs${jobs}-${process.pid}.json`);
    const run = await runSampled(process.execPath, [CONFORM, "fuzz", CODEX, "--definitions", "--runs", runs, "--seed", "1", "--jobs", String(jobs), "--report", `json:${report}`]);
    const parsed = JSON.parse(fs.readFileSync(report, "utf8")) as { targets: Array<{ timeMs: number }>; findings: unknown[]; totals: { payloads: number } };
    fs.rmSync(report, { force: true });
    reports.push(JSON.stringify({ targets: parsed.targets.map((t) => ({ ...t, timeMs: 0 })), findings: parsed.findings }));
    walls.push(run.wallMs);
    console.log(`  --jobs ${jobs}: ${seconds(run)}, ${parsed.totals.payloads} payloads, ${parsed.findings.length} findings, ${Math.round((parsed.totals.payloads / run.wallMs) * 1000)} payloads/s`);
  }
  console.log(`  speed-up ${(walls[0]! / walls[1]!).toFixed(2)}×; same targets and findings: ${reports[0] === reports[1] ? "yes" : "NO"}`);
}

if (!process.argv.includes("--skip-suite")) await suiteVersusLoop();
if (!process.argv.includes("--skip-jobs")) await jobsOneVersusTwo(flag("--runs", "100"));
