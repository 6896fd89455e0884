import { Option } from "commander";
import { createAdapter, formatBlindTwin } from "../adapters/spec.js";
import type { Adapter } from "../adapters/adapter.js";
import { FORMAT_CHOICES, FORMAT_POLICIES, resolveFormatPolicy, type FormatChoice, type FormatPolicy } from "../oracle/format-policy.js";
import { checkIsSchema } from "../oracle/meta-check.js";
import { dialectFromName, type Dialect } from "../schema/dialect.js";
import { InputError, UsageError, warningText, type InputWarning } from "../schema/errors.js";
import { loadInputs, type Loaded, type RemoteMapping } from "../schema/load.js";
import { checkReferences } from "../schema/check-refs.js";
import { checkReferenceCycles } from "../schema/check-cycles.js";
import { checkPatterns } from "../schema/check-patterns.js";
import { parseReportSpec, renderConsole, useColor, writeReports, type ReportSpec } from "../report/index.js";
import type { RunReport } from "../model/report.js";
import type { SchemaDocument } from "../schema/registry.js";
import { EXIT, exitCodeOf, printInputErrors, printUntested } from "./exit.js";
import { INTERRUPTED_EXIT, stopRequested } from "./stop.js";
import { isStartFailure, UnstartedAdapter } from "./unstarted-adapter.js";

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
  return new Option("--adapter <spec>", "validator under test: a built-in name (see `conform adapters`), exec:<command line> or module:<path> (repeatable)").argParser(collect).default([]);
}

export function reportOption(): Option {
  return new Option("--report <FORMAT:PATH>", "also write a report: json, junit, md or html (repeatable)").argParser(collect).default([]);
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
  const d = dialectFromName(name);
  if (!d) throw new UsageError(`unknown dialect "${name}" (known: draft-04, draft-06, draft-07, 2019-09, 2020-12)`);
  return d;
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
 * Loads the user's schemas and remotes and checks each document: against its meta-schema
 * (following ajv's leniency, with a warning), then its regexes and reference cycles. A bad
 * file or a bad place is collected in `errors`, and the others still run; warnings are printed
 * once, here, before the run. When no document is free of bad input, the first error is thrown:
 * there is nothing to fuzz.
 */
export function loadSchemas(inputs: string[], options: SchemaInputOptions): Loaded {
  const loaded = loadInputs(inputs, { defaultDialect: parseDialect(options.defaultDialect), remotes: parseRemotes(options.remotes), keepGoing: true });
  loaded.documents = loaded.documents.filter((doc) => keepIfSchema(doc, loaded));
  const seen = new Map();
  for (const doc of loaded.documents) loaded.errors.push(...checkPatterns(doc), ...checkReferenceCycles(doc, loaded.registry, seen));
  printWarnings(loaded.warnings);
  assertSomeResolvable(loaded);
  return loaded;
}

function keepIfSchema(doc: SchemaDocument, loaded: Loaded): boolean {
  try {
    checkIsSchema(doc, loaded.warnings);
    return true;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    loaded.errors.push(e);
    return false;
  }
}

function printWarnings(warnings: InputWarning[]): void {
  for (const w of warnings) process.stderr.write(`conform: warning: ${warningText(w)}\n`);
}

/**
 * A single file that is bad input (unreadable, not a schema, a bad regex, a reference cycle,
 * an unresolvable reference) leaves nothing to fuzz: its first error is the one line the user
 * sees, at once. With more files the campaign runs, and the bad ones are recorded as targets
 * in error, one line each (nothing found elsewhere is lost, and every bad file is named).
 */
function assertSomeResolvable(loaded: Loaded): void {
  const bad = new Set(loaded.errors.map((e) => e.file));
  const problems: InputError[] = [...loaded.errors];
  let clean = 0;
  for (const doc of loaded.documents) {
    try {
      checkReferences(doc, loaded.registry);
      if (!bad.has(doc.file)) clean++;
    } catch (e) {
      problems.push(e as InputError);
    }
  }
  const files = new Set([...loaded.documents, ...loaded.errors, ...loaded.skipped].map((x) => x.file));
  if (clean === 0 && problems.length > 0 && files.size <= 1) throw problems[0];
}

export function parseReports(specs: string[]): ReportSpec[] {
  return specs.map(parseReportSpec);
}

/** The policy a `--formats` value means; "dialect" needs the run's dialect (assert without one, as before). */
export function parseFormats(value: string, dialect?: Dialect): FormatPolicy {
  if (value === "dialect") return dialect === undefined ? "assert" : resolveFormatPolicy(value as FormatChoice, dialect);
  return value as FormatPolicy;
}

/**
 * Creates the adapters named on the command line (ajv when none is named). One that could
 * not start is replaced by an UnstartedAdapter, so the others still run; bad usage (an
 * unknown name, a missing file) closes those made and throws.
 */
export async function createAdapters(specs: string[], timeoutMs: number, formats: FormatPolicy): Promise<Adapter[]> {
  const made: Adapter[] = [];
  try {
    for (const spec of specs.length > 0 ? specs : ["ajv"]) {
      const adapter = await createAdapter(spec, { timeoutMs, formats }).catch((e: unknown) => {
        if (!isStartFailure(e)) throw e;
        return new UnstartedAdapter(spec, (e as Error).message);
      });
      specOf.set(adapter, spec);
      made.push(adapter);
    }
  } catch (e) {
    await closeAll(made);
    throw e;
  }
  return made;
}

const specOf = new WeakMap<Adapter, string>();

/** For the campaign: the same built-in adapter asserting no format (see run/format-twins.ts). */
export function formatBlindOf(timeoutMs: number): (adapter: Adapter) => Promise<Adapter | undefined> {
  return async (adapter) => {
    const spec = specOf.get(adapter);
    return spec === undefined ? undefined : formatBlindTwin(spec, { timeoutMs });
  };
}

/** How long an adapter may take to close before it is abandoned (a close() that never settles, a stuck harness). */
export const CLOSE_WAIT_MS = 3000;

/** Closes every adapter, each within CLOSE_WAIT_MS; one that does not is abandoned with a line on stderr. */
export async function closeAll(adapters: Adapter[]): Promise<void> {
  await Promise.all(adapters.map(closeWithin));
}

async function closeWithin(adapter: Adapter): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), CLOSE_WAIT_MS)));
  const closed = Promise.resolve()
    .then(() => adapter.close())
    .then(() => "closed" as const, () => "closed" as const);
  const outcome = await Promise.race([closed, late]);
  clearTimeout(timer);
  if (outcome === "late") process.stderr.write(`conform: adapter ${adapter.name} did not close within ${CLOSE_WAIT_MS / 1000} s; abandoned\n`);
}

/** A random seed, printed to stderr so the run can be repeated. */
export function chooseSeed(given: number | undefined, what: string): number {
  if (given !== undefined) return given;
  const seed = Math.floor(Math.random() * 2 ** 31);
  process.stderr.write(`${what}: seed ${seed} (repeat with --seed ${seed})\n`);
  return seed;
}

/** Every document of the --remotes folders, parsed once, for replays that build a registry per case. */
export function remoteDocuments(specs: string[], dialect: Dialect): Array<{ doc: SchemaDocument; alsoAs: string[] }> {
  return [...loadInputs([], { defaultDialect: dialect, remotes: parseRemotes(specs) }).registry.documents].map(([uri, doc]) => ({ doc, alsoAs: [uri] }));
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
