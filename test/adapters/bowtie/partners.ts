import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pythonExecutable } from "../../../src/adapters/subprocess/python-harnesses.js";
import { REPO_ROOT, SHARED } from "../../helpers/paths.js";

/** One of Bowtie's harnesses, copied unmodified to a temporary folder, and the built-in adapter of the same library. */
export interface Partner {
  /** The `exec:` spec of the copied harness. */
  harness: string;
  builtIn: string;
}

export type Setup = { ok: true; partner: Partner } | { ok: false; reason: string };

const HARNESSES = path.join(SHARED, "bowtie/harnesses");

/**
 * Bowtie's hyperjump harness, its @hyperjump/json-schema and semver taken from this project's
 * node_modules (semver from npm's own copy when the project has none): nothing is installed.
 */
export function hyperjumpPartner(work: string): Setup {
  const library = path.join(REPO_ROOT, "node_modules/@hyperjump/json-schema");
  if (!fs.existsSync(library)) return { ok: false, reason: "the project's node_modules has no @hyperjump/json-schema" };
  const semver = [path.join(REPO_ROOT, "node_modules/semver"), path.resolve(path.dirname(process.execPath), "../lib/node_modules/npm/node_modules/semver")].find((p) => fs.existsSync(path.join(p, "package.json")));
  if (!semver) return { ok: false, reason: "no semver package beside the project or npm to lend Bowtie's hyperjump harness" };
  const dir = path.join(work, "js-hyperjump");
  fs.cpSync(path.join(HARNESSES, "js-hyperjump"), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, "node_modules/@hyperjump"), { recursive: true });
  fs.symlinkSync(library, path.join(dir, "node_modules/@hyperjump/json-schema"), "dir");
  fs.symlinkSync(semver, path.join(dir, "node_modules/semver"), "dir");
  return { ok: true, partner: { harness: `exec:${process.execPath} ${path.join(dir, "bowtie_hyperjump.js")}`, builtIn: "hyperjump" } };
}

/** Bowtie's python-jsonschema harness, with the `jsonschema` package adapters/python/requirements.txt installs. */
export function pythonJsonschemaPartner(work: string): Setup {
  const python = pythonExecutable();
  if (spawnSync(python, ["-c", "import jsonschema"], { stdio: "ignore" }).status !== 0) return { ok: false, reason: `${python} cannot import jsonschema (pip install -r adapters/python/requirements.txt)` };
  const dir = path.join(work, "python-jsonschema");
  fs.cpSync(path.join(HARNESSES, "python-jsonschema"), dir, { recursive: true });
  return { ok: true, partner: { harness: `exec:${python} ${path.join(dir, "bowtie_jsonschema.py")}`, builtIn: "python-jsonschema" } };
}

interface ReportFinding {
  adapter: string;
  kind: string;
  keyword: string | null;
  target: { file: string; pointer: string; uri: string };
}

export interface Report {
  findings: ReportFinding[];
  targets: Array<{ target: { uri: string }; skippedBy?: Array<{ adapter: string }> }>;
}

/** The targets one of `adapters` skipped (a harness's own skip list, a library that cannot compile the schema): no verdict to compare there. */
export function skippedTargets(report: Report, adapters: string[]): Set<string> {
  return new Set(report.targets.filter((t) => t.skippedBy?.some((s) => adapters.includes(s.adapter))).map((t) => t.target.uri));
}

/** The adapter's findings other than format differences, as "kind keyword file#pointer", outside the targets left out. */
export function nonFormatFindings(report: Report, adapter: string, leftOut: Set<string>): string[] {
  return report.findings
    .filter((f) => f.adapter === adapter && f.kind !== "format-difference" && !leftOut.has(f.target.uri))
    .map((f) => `${f.kind} ${f.keyword ?? "-"} ${path.relative(REPO_ROOT, f.target.file)}#${f.target.pointer}`)
    .sort();
}

/** The adapter's findings of a kind, as "file#pointer". */
export function findingsOfKind(report: Report, adapter: string, kind: string): string[] {
  return report.findings.filter((f) => f.adapter === adapter && f.kind === kind).map((f) => `${f.target.file}#${f.target.pointer}`).sort();
}
