/**
 * Memory over a long run: starts `conform fuzz` on the Codex bundle with a time budget and
 * samples the process's RSS (/proc/PID/status, the whole process: every thread) every few
 * seconds; prints the samples, the peak, and the slope of a least-squares line over the second
 * half (after warm-up), in MB per minute. A flat slope means no leak across rounds.
 *
 *   node dist/bench/memory.js [--duration 10m] [--jobs 1] [--every 5]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runSampled } from "./rss.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CODEX = path.resolve(REPO, "../shared/corpus/codex-app-server-protocol/codex_app_server_protocol.v2.schemas.json");

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CODEX)) return void console.log(`memory: skipped, ${CODEX} is absent`);
  const duration = flag("--duration", "10m");
  const everyS = Number(flag("--every", "5"));
  const run = await runSampled(process.execPath, [path.join(REPO, "bin/conform.js"), "fuzz", CODEX, "--definitions", "--duration", duration, "--jobs", flag("--jobs", "1"), "--seed", "1", "--report", `json:${path.join(os.tmpdir(), `conform-memory-${process.pid}.json`)}`], everyS * 1000);
  const samples = run.samples;
  const late = samples.slice(Math.floor(samples.length / 2));
  const peak = run.peakMb;
  console.log(`conform fuzz (Codex bundle, --duration ${duration}): ${samples.length} RSS samples every ${everyS} s`);
  console.log(`  RSS by minute: ${samples.filter((_, i) => i % Math.max(1, Math.round(60 / everyS)) === 0).map(([m, mb]) => `${m.toFixed(1)}:${Math.round(mb)}`).join("  ")} MB`);
  console.log(`  peak ${Math.round(peak)} MB; slope over the second half ${slope(late).toFixed(1)} MB/min (first half ${slope(samples.slice(0, samples.length - late.length)).toFixed(1)} MB/min)`);
}

await main();
