import { DEFAULT_PROBE_MODE, PROBE_MODES } from "../model/probe.js";
import { Option, type Command } from "commander";
import type { Adapter } from "../adapters/adapter.js";
import { FRAMINGS } from "../adapters/service/framing.js";
import { parseServiceFlags, type ServiceFlags, type ServiceOptions } from "../adapters/service/options.js";
import { FORMAT_CHOICES, FORMAT_POLICIES, resolveFormatPolicy, type FormatChoice, type FormatPolicy } from "../oracle/format-policy.js";
import type { Dialect } from "../schema/dialect.js";
import { UsageError, warningText, type InputError, type InputWarning } from "../schema/errors.js";
import { loadInputs, type Loaded, type RemoteMapping } from "../schema/load.js";
import { dialectNamed, loadCheckedInputs } from "../run/inputs.js";
import { parseReportSpec, renderConsole, useColor, writeReports, type ReportSpec } from "../report/index.js";
import type { RunReport } from "../model/report.js";
import type { SchemaDocument } from "../schema/registry.js";
import { EXIT, exitCodeOf, printInputErrors, printUntested } from "./exit.js";
import { INTERRUPTED_EXIT, stopRequested } from "./stop.js";
import { UnstartedAdapter } from "../run/unstarted-adapter.js";

export { closeAll, CLOSE_WAIT_MS, createAdapters, formatBlindOf } from "../run/adapter-set.js";

/** Options every command that reads schemas understands. */
export interface SchemaInputOptions {
  remotes: string[];
  defaultDialect: string;
}

export const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function remotesOption(): Option {
  return new Option("--remotes <URI=DIR>", "serve every file under DIR at URI + its relative path, for $ref (repeatable; never the network)").argParser(collect).default([]);
}

export function defaultDialectOption(): Option {
  return new Option("--default-dialect <name>", "dialect of schemas without $schema: draft-04, draft-06, draft-07, 2019-09, 2020-12").default("2020-12");
}

export function adapterOption(): Option {
  return new Option("--adapter <spec>", "validator under test: a built-in name (see `conform adapters`), exec:<command line>, module:<path>, http:<url> or jsonrpc:<command line> (repeatable)").argParser(collect).default([]);
}

/** The options of http: and jsonrpc: adapters, added to every command that takes --adapter (main.ts); read by serviceOptionsOf. */
export function withServiceOptions(command: Command): Command {
  if (!command.options.some((o) => o.long === "--adapter")) return command;
  return command
    .option("--http-envelope <FILE>", 'http: adapters send this JSON template, every "$payload" string replaced by the payload (default: the payload itself)')
    .option("--http-accept <STATUSES>", "statuses meaning accepted, e.g. 2xx or 200,201 (default 2xx)")
    .option("--http-reject <STATUSES>", "statuses meaning rejected, e.g. 4xx or 400,422 (default 4xx); 5xx and other statuses are faults")
    .addOption(new Option("--http-header <NAME: VALUE>", "an extra request header of http: adapters (repeatable)").argParser(collect).default([]))
    .option("--http-method <METHOD>", "request method of http: adapters (default POST)")
    .option("--jsonrpc-method <NAME>", "jsonrpc: adapters call this method with each payload as params")
    .option("--jsonrpc-params <FILE>", 'JSON template of the params, every "$payload" string replaced by the payload (default: the payload itself)')
    .option("--jsonrpc-init <FILE>", 'JSON array of {"method", "params"?, "notification"?} sent after each start of a jsonrpc: server (MCP/LSP initialize)')
    .addOption(new Option("--jsonrpc-framing <FRAMING>", "lines (MCP, Codex app-server; the default) or content-length (LSP)").choices([...FRAMINGS]));
}

/** The service adapters' options of a command's flags, checked against the adapters named (one line, exit 2, when bad). */
export function serviceOptionsOf(flags: ServiceFlags & { adapter: string[] }): ServiceOptions {
  return parseServiceFlags(flags, flags.adapter);
}

export function keywordOption(): Option {
  return new Option("--keyword <module:PATH>", "a keyword module (JS or TS) that tells the oracle and the generators about a keyword outside the specification (repeatable; see README)").argParser(collect).default([]);
}

export function formatModuleOption(): Option {
  return new Option("--format <NAME=module:PATH>", "a format module: its check, valid values and near misses; asserted under every format policy (repeatable; see README)").argParser(collect).default([]);
}

/** `--probes` (fuzz, sample): which values for typed consumers valid payloads hold. */
export function probesOption(): Option {
  return new Option("--probes <set>", "probes for typed consumers in valid payloads: none, typed (width and format limits: uint8 max+1, 2^53), all (also spellings: -0, 1.0, 1e2, 9007199254740993)")
    .choices([...PROBE_MODES])
    .default(DEFAULT_PROBE_MODE);
}

export function reportOption(): Option {
  return new Option("--report <FORMAT:PATH>", "also write a report: json, junit, md, html, sarif, or (conform suite) bowtie (repeatable)").argParser(collect).default([]);
}

/**
 * `--formats`. A command that runs one dialect (`suite`) passes `perDialect` and defaults to
 * that dialect's own policy; commands over schemas of mixed dialects keep "assert" as default.
 */
export function formatsOption(perDialect = false): Option {
  const help = "format policy: assert (spec formats ajv-formats checks are assertions) or annotate (no format asserted)";
  if (!perDialect) return new Option("--formats <policy>", help).choices([...FORMAT_POLICIES]).default("assert");
  return new Option("--formats <policy>", `${help}; dialect: assert in draft-04/06/07, annotate in 2019-09/2020-12`).choices([...FORMAT_CHOICES]).default("dialect");
}

export function parseDialect(name: string): Dialect {
  return dialectNamed(name);
}

export function parseRemotes(specs: string[]): RemoteMapping[] {
  return specs.map((spec) => {
    const eq = spec.indexOf("=");
    if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--remotes takes URI=DIR, got "${spec}"`);
    return { uri: spec.slice(0, eq), dir: spec.slice(eq + 1) };
  });
}

export function parseInteger(name: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} takes a whole number ≥ ${min}, got "${value}"`);
    return n;
  };
}

/**
 * Loads and checks the user's schemas and remotes (run/inputs.ts: a bad file is collected in
 * `errors` and the others still run) and prints the warnings once, here, before the run.
 */
export function loadSchemas(inputs: string[], options: SchemaInputOptions): Loaded {
  return loadCheckedInputs(inputs, { defaultDialect: parseDialect(options.defaultDialect), remotes: parseRemotes(options.remotes), onWarnings: printWarnings });
}

export function printWarnings(warnings: InputWarning[]): void {
  for (const w of warnings) process.stderr.write(`conform: warning: ${warningText(w)}\n`);
}

/** `--report` values; `bowtie:` only where the run has per-test verdicts of suite cases (`conform suite`). */
export function parseReports(specs: string[], bowtieAllowed = false): ReportSpec[] {
  const parsed = specs.map(parseReportSpec);
  const bowtie = parsed.find((s) => s.format === "bowtie");
  if (bowtie && !bowtieAllowed) throw new UsageError(`--report bowtie:${bowtie.path}: only conform suite writes Bowtie reports (a Bowtie case is a suite group with its tests)`);
  return parsed;
}

/** The policy a `--formats` value means; "dialect" needs the run's dialect (assert without one, as before). */
export function parseFormats(value: string, dialect?: Dialect): FormatPolicy {
  if (value === "dialect") return dialect === undefined ? "assert" : resolveFormatPolicy(value as FormatChoice, dialect);
  return value as FormatPolicy;
}

/** A random seed, printed to stderr so the run can be repeated. */
export function chooseSeed(given: number | undefined, what: string): number {
  if (given !== undefined) return given;
  const seed = Math.floor(Math.random() * 2 ** 31);
  printChosenSeed(seed, what);
  return seed;
}

/** The line that lets a run with a random seed be repeated. */
export function printChosenSeed(seed: number, what: string): void {
  process.stderr.write(`${what}: seed ${seed} (repeat with --seed ${seed})\n`);
}

/** Every document of the --remotes folders, parsed once, for replays that build a registry per case. */
export function remoteDocuments(specs: string[], dialect: Dialect): Array<{ doc: SchemaDocument; alsoAs: string[] }> {
  return [...loadInputs([], { defaultDialect: dialect, remotes: parseRemotes(specs), eagerRemotes: true }).registry.documents].map(([uri, doc]) => ({ doc, alsoAs: [uri] }));
}

/**
 * Prints and writes a finished (or interrupted) run's report, then the bad inputs, the
 * adapters that could not start and the targets not tested; returns the exit status.
 */
export async function finishRun(result: { report: RunReport; inputErrors: InputError[] }, reports: ReportSpec[], adapters: Adapter[] = []): Promise<number> {
  const interrupted = stopRequested();
  if (interrupted) result.report.interrupted = true;
  process.stdout.write(renderConsole(result.report, { color: useColor(process.stdout) }));
  const unwritten = await writeEachReport(result.report, reports);
  printInputErrors(result.inputErrors);
  const unstarted = adapters.filter((a): a is UnstartedAdapter => a instanceof UnstartedAdapter);
  for (const a of unstarted) process.stderr.write(`conform: ${a.reason}\n`);
  if (interrupted) {
    process.stderr.write(`conform: interrupted by ${interrupted}; the report holds what was found until then\n`);
    return INTERRUPTED_EXIT[interrupted];
  }
  if (unwritten > 0) return EXIT.internalError;
  const code = exitCodeOf(result, unstarted.length);
  if (code === EXIT.notAllTested) printUntested(result.report);
  return code;
}

/** Writes every report it can; one that fails (too large to render, a disk error) is one line, and the others are still written. */
async function writeEachReport(report: RunReport, specs: ReportSpec[]): Promise<number> {
  let failed = 0;
  for (const spec of specs) {
    try {
      await writeReports(report, [spec]);
    } catch (e) {
      failed++;
      process.stderr.write(`conform: internal error: --report ${spec.format}:${spec.path} not written: ${(e as Error)?.message ?? String(e)}\n`);
    }
  }
  return failed;
}
