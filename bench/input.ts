/**
 * Input hygiene, printed (never asserted):
 * - how long loading the whole SchemaStore catalog takes (read, decode, scan, parse, index);
 * - for each github-sample schema, what `conform sample FILE -n 20 --seed 1` does, run in-process
 *   through the CLI's own `main` (1,000 processes would take minutes): exit statuses and the
 *   reasons of exit 2 / 3, grouped with file names and pointers taken out.
 *
 * - `conform sample` of one small schema with the catalog as --remotes (each remote file is read
 *   when a $ref reaches it), beside the same without remotes and with one $ref into the catalog:
 *   whole processes, wall time and peak RSS.
 *
 *   npx tsc -p . && node dist/bench/input.js [load|sample|remotes] [--list]
 */
import fs from "node:fs";
import path from "node:path";
import { main } from "../src/cli/main.js";
import { listJsonFiles, loadInputs } from "../src/schema/load.js";
import { SHARED } from "../test/helpers/paths.js";
import os from "node:os";
import { runSampled } from "./rss.js";

const CATALOG = path.join(SHARED, "corpus/schemastore-full/schemas");
const SAMPLE = path.join(SHARED, "corpus/github-sample");

function benchLoad(): void {
  if (!fs.existsSync(CATALOG)) return void console.log(`load: skipped, ${CATALOG} is absent`);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 9; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const { documents } = loadInputs([CATALOG], { defaultDialect: "draft-07", keepGoing: true });
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    if (i === 0) console.log(`load: ${documents.length} documents`);
  }
  const median = (xs: number[]): string => [...xs].sort((a, b) => a - b)[4]!.toFixed(0);
  const min = (xs: number[]): string => Math.min(...xs).toFixed(0);
  console.log(`load SchemaStore catalog: wall median ${median(wall)} ms (min ${min(wall)}), CPU median ${median(cpu)} ms (min ${min(cpu)}) over 9 runs`);
}

/** A reason with the file and pointer and quoted values taken out, so that like reasons group. */
function reasonKind(line: string): string {
  return line
    .replace(/^conform: (warning: )?/, "")
    .replace(/^[^:]*?\.json(#[^:]*)?: /, "")
    .replace(/\((https?|file):[^)]*\)/g, "(URI)")
    .replace(/\$ref "[^"]*"/g, '$ref "…"')
    .slice(0, 110);
}

async function runSample(file: string): Promise<{ status: number; stderr: string }> {
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    const status = await main(["sample", file, "-n", "20", "--seed", "1"]);
    return { status, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = undefined;
  }
}

async function benchSample(list: boolean): Promise<void> {
  if (!fs.existsSync(SAMPLE)) return void console.log(`sample: skipped, ${SAMPLE} is absent`);
  const statuses = new Map<number, number>();
  const reasons = new Map<string, string[]>();
  const warnings = new Map<string, number>();
  const started = performance.now();
  for (const file of listJsonFiles(SAMPLE)) {
    const { status, stderr } = await runSample(file);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const lines = stderr.split("\n").filter((l) => l.startsWith("conform: "));
    for (const l of lines.filter((l) => l.startsWith("conform: warning: "))) warnings.set(reasonKind(l), (warnings.get(reasonKind(l)) ?? 0) + 1);
    const error = lines.find((l) => !l.startsWith("conform: warning: "));
    if (status === 0 && error?.startsWith("conform: skipped: ")) reasons.set(`0 ${reasonKind(error.replace("skipped: ", ""))} (skipped)`, [...(reasons.get(`0 ${reasonKind(error.replace("skipped: ", ""))} (skipped)`) ?? []), path.basename(file)]);
    if (status !== 0 && error) reasons.set(`${status} ${reasonKind(error)}`, [...(reasons.get(`${status} ${reasonKind(error)}`) ?? []), path.basename(file)]);
  }
  console.log(`sample over ${SAMPLE}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const [status, n] of [...statuses].sort((a, b) => a[0] - b[0])) console.log(`  exit ${status}: ${n}`);
  console.log("reasons (exit status, count, reason):");
  for (const [reason, files] of [...reasons].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${String(files.length).padStart(4)}  ${reason}${list ? `  [${files.slice(0, 4).join(", ")}]` : ""}`);
  }
  console.log("warnings (count of files, warning):");
  for (const [w, n] of [...warnings].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${w}`);
}

/** `conform sample` with and without the catalog as remotes: lazy remote files read only what is reached. */
async function benchRemotes(): Promise<void> {
  if (!fs.existsSync(CATALOG)) return void console.log(`remotes: skipped, ${CATALOG} is absent`);
  const conform = path.join(path.dirname(new URL(import.meta.url).pathname), "../../bin/conform.js");
  const small = path.join(path.dirname(conform), "../schema/examples/order.json");
  const reaching = path.join(os.tmpdir(), `conform-bench-ref-${process.pid}.json`);
  fs.writeFileSync(reaching, JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { pkg: { $ref: "https://json.schemastore.org/package.json" } } }));
  const remotes = ["--remotes", `https://json.schemastore.org/=${CATALOG}`];
  const cases: Array<[string, string[]]> = [
    ["order.json, no remotes", [small]],
    ["order.json, catalog as remotes", [small, ...remotes]],
    ["a $ref to package.json, catalog as remotes", [reaching, ...remotes]],
  ];
  console.log("conform sample -n 5 (whole process, median of 3):");
  for (const [name, args] of cases) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await runSampled(process.execPath, [conform, "sample", ...args, "-n", "5", "--seed", "1"], 50));
    const median = runs.sort((a, b) => a.wallMs - b.wallMs)[1]!;
    console.log(`  ${name.padEnd(44)} ${(median.wallMs / 1000).toFixed(2)} s, peak RSS ${Math.round(median.peakMb)} MB, exit ${median.code}`);
  }
  fs.rmSync(reaching, { force: true });
}

const what = process.argv[2];
if (what === undefined || what === "load") benchLoad();
if (what === undefined || what === "sample") await benchSample(process.argv.includes("--list"));
if (what === undefined || what === "remotes") await benchRemotes();
