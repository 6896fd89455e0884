import type { Adapter, Verdict } from "../adapters/adapter.js";
import { prepareSafely, skipReasons } from "./verdicts.js";
import { attributedVerdicts, flakyFinding } from "./fault-attribution.js";
import { groupReplayCases, type ReplayCase } from "../corpus/index.js";
import { Oracle, OracleUnavailable } from "../oracle/oracle.js";
import { OutOfTime, withinTimeLimit } from "../oracle/guard.js";
import type { OracleVerdict } from "../oracle/give-up.js";
import type { FormatPolicy } from "../oracle/format-policy.js";
import { dialectFromUri, type Dialect } from "../schema/dialect.js";
import { InputError } from "../schema/errors.js";
import { isObject, type Json } from "../schema/json.js";
import { readSchemaDocument } from "../schema/load.js";
import { suiteGroupTargetAt } from "../schema/suite.js";
import { SchemaRegistry, type SchemaDocument } from "../schema/registry.js";
import type { Target } from "../schema/target.js";
import { pointerToFragment } from "../schema/pointer.js";
import { buildReport } from "./campaign.js";
import { separateFormatDifferences } from "./format-difference.js";
import { FormatTwins } from "./format-twins.js";
import type { Finding } from "../model/finding.js";
import { judgePayload, makeFinding } from "./judge.js";
import { payloadText, type Payload } from "./payload.js";
import type { RunReport, TargetSummary } from "../model/report.js";
import type { AdapterTally } from "./target-run.js";
import { SharedDocuments } from "./replay-documents.js";
import { settle, type Settled } from "./jobs/executor.js";

export interface ReplayOptions {
  formats: FormatPolicy;
  defaultDialect: Dialect;
  /** Documents every case may refer to (--remotes), parsed once. */
  remotes: Array<{ doc: SchemaDocument; alsoAs: string[] }>;
  /** Adapters for a case; by default every adapter given. */
  adaptersFor?: (c: ReplayCase, all: Adapter[]) => Adapter[];
  command: "replay" | "suite";
  /** The oracle's time limit per instance and for compiling a case, ms (default 10,000); past it the expected verdict stands. */
  timeoutMs?: number;
  /** The same adapter asserting no format, to tell format differences apart (policy "assert"). */
  formatBlind?: (adapter: Adapter) => Promise<Adapter | undefined>;
  /** Told each adapter's verdict on every test of a group, by adapter name (the compliance table of `conform suite`). */
  onVerdicts?: (group: readonly ReplayCase[], verdicts: ReadonlyMap<string, readonly Verdict[]>) => void;
}

export interface ReplayResult {
  report: RunReport;
  inputErrors: InputError[];
}

/**
 * One runner for the official suite and the corpus: each group's schema is compiled once
 * by the oracle and by every adapter, and each test is judged by its expected verdict,
 * the oracle and the adapters, exactly as generated payloads are.
 */
export async function replayCases(cases: ReplayCase[], adapters: Adapter[], options: ReplayOptions): Promise<ReplayResult> {
  const started = performance.now();
  const run: ReplayRun = { tallies: new Map(), summaries: [], findings: [], inputErrors: [] };
  const twins = options.formatBlind && options.formats === "assert" ? new FormatTwins(options.formatBlind) : undefined;
  const groups = groupReplayCases(cases);
  const ahead = adapters.every((a) => a.concurrentCalls === true) ? LOOKAHEAD : 1;
  const asked: Array<Promise<Settled<AskedGroup>> | undefined> = [];
  try {
    for (let i = 0, next = 0; i < groups.length; i++) {
      for (; next < groups.length && next < i + ahead; next++) asked.push(settle(askGroup(groups[next]!, adapters, options)));
      const outcome = await asked[i]!;
      asked[i] = undefined;
      if (!outcome.ok) throw outcome.error;
      await judgeGroup(outcome.value, options, twins, run);
    }
  } finally {
    await Promise.all(asked);
    await twins?.close();
  }
  const report = buildReport({ seed: 0, runs: cases.length, formats: options.formats }, adapters, run.tallies, run.summaries, run.findings, performance.now() - started, options.command);
  return { report, inputErrors: run.inputErrors };
}

/**
 * Groups whose adapters are asked ahead of the one being judged, when every adapter takes
 * calls before earlier ones finish: a harness answers one group while the next ones are
 * written (subprocess/run-pipeline.ts), instead of a round trip per group (a fifth of
 * `conform suite` with a Python harness). Judging, reports and findings stay in group order.
 */
const LOOKAHEAD = 16;

interface ReplayRun {
  tallies: Map<Adapter, AdapterTally>;
  summaries: TargetSummary[];
  findings: Finding[];
  inputErrors: InputError[];
}

/** One group with its adapters' verdicts, before judging; a schema that cannot be read is an input error. */
type AskedGroup =
  | { group: ReplayCase[]; startedMs: number; inputError: InputError }
  | { group: ReplayCase[]; startedMs: number; target: Target; payloads: Payload[]; verdicts: Map<Adapter, Verdict[]>; flaky: Finding[] };

/** Every adapter's verdicts on the tests of one group (the schema compiled once per adapter). */
async function askGroup(group: ReplayCase[], adapters: Adapter[], options: ReplayOptions): Promise<AskedGroup> {
  const startedMs = performance.now();
  let target: Target;
  try {
    target = targetOf(group[0]!, options);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { group, startedMs, inputError: e };
  }
  const used = options.adaptersFor ? options.adaptersFor(group[0]!, adapters) : adapters;
  const payloads: Payload[] = group.map((c) => ({ instance: c.data as Json, expected: c.valid ? "valid" : "invalid", label: null, ...(c.probes ? { probes: c.probes } : {}) }));
  const verdicts = new Map<Adapter, Verdict[]>();
  const flaky: Finding[] = [];
  for (const adapter of used) {
    const asked = await attributedVerdicts(adapter, await prepareSafely(adapter, target), payloads.map((p) => p.instance), payloads.map(payloadText));
    if (asked.flaky) flaky.push(flakyFinding(asked.flaky, target));
    verdicts.set(adapter, asked.verdicts);
  }
  return { group, startedMs, target, payloads, verdicts, flaky };
}

/** A group's tests judged by their expected verdict, the oracle and the adapters, in group order. */
async function judgeGroup(asked: AskedGroup, options: ReplayOptions, twins: FormatTwins | undefined, run: ReplayRun): Promise<void> {
  if ("inputError" in asked) return void run.inputErrors.push(asked.inputError);
  const { group, target, payloads, verdicts } = asked;
  for (const [adapter, vs] of verdicts) {
    const tally = run.tallies.get(adapter) ?? { checked: 0, skipped: 0 };
    for (const v of vs) "skipped" in v ? tally.skipped++ : tally.checked++;
    run.tallies.set(adapter, tally);
  }
  options.onVerdicts?.(group, new Map([...verdicts].map(([a, vs]) => [a.name, vs])));
  const findings = [...asked.flaky, ...judgedFindings(group, target, payloads, verdicts, options)];
  // Each case has a registry of its own, so the format-blind oracle is made per case.
  if (options.formats === "assert") await separateFormatDifferences(findings, target, [...verdicts.keys()], { twins });
  run.findings.push(...findings);
  const skippedBy = skipReasons(verdicts);
  run.summaries.push({
    target: { file: target.file, pointer: target.pointer, uri: target.uri },
    dialect: target.dialect,
    status: "ok",
    payloads: { valid: group.filter((c) => c.valid).length, invalid: group.filter((c) => !c.valid).length },
    invalidRejectedByOracle: 0,
    ...(skippedBy.length > 0 ? { skippedBy } : {}),
    timeMs: Math.round(performance.now() - asked.startedMs),
  });
}

/** The findings of a group: each test where an adapter departs from the oracle (asked only where it can matter) or from the expected verdict. */
function judgedFindings(group: ReplayCase[], target: Target, payloads: Payload[], verdicts: Map<Adapter, Verdict[]>, options: ReplayOptions): Finding[] {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const findings: Finding[] = [];
  const oracle = oracleAsked(options, payloads, verdicts) ? oracleVerdicts(target, options.formats, timeoutMs, payloads.map((p) => p.instance)) : [];
  payloads.forEach((p, i) => {
    const answer = oracle[i];
    const oracleValid = typeof answer === "boolean" ? answer : p.expected === "valid";
    const at = new Map([...verdicts].map(([a, vs]) => [a, vs[i]!]));
    for (const d of judgePayload(i, p, oracleValid, at)) {
      const verdict = [...at].find(([a]) => a.name === d.adapter)?.[1];
      const c = group[i]!;
      const found = c.found;
      const label = found?.keyword ? { keyword: found.keyword, schemaPath: found.schemaPath ?? "", instancePath: found.instancePath ?? "" } : null;
      const source = { target: { file: target.file, pointer: c.origin.pointer, uri: target.uri }, label, seed: found?.seed ?? 0, path: null, message: c.description + (d.message ? `: ${d.message}` : "") };
      findings.push(makeFinding(d, p, oracleValid, verdict ?? null, source));
    }
  });
  return findings;
}

/**
 * Whether the oracle must judge a group. In `conform suite` with adapters, the suite's `valid`
 * is the specification's verdict, and an oracle departure that every adapter contradicts is
 * settled (cli/suite.ts), not reported: the oracle can change a finding only where an adapter
 * departs from the suite, so it is asked only for such groups (compiling every group a second
 * time was half of `conform suite`). Replaying a corpus, or a suite run with no adapter (the
 * oracle's own compliance), asks it everywhere.
 */
function oracleAsked(options: ReplayOptions, payloads: Payload[], verdicts: Map<Adapter, Verdict[]>): boolean {
  if (options.command !== "suite" || verdicts.size === 0) return true;
  return payloads.some((p, i) => judgePayload(i, p, p.expected === "valid", new Map([...verdicts].map(([a, vs]) => [a, vs[i]!]))).length > 0);
}

/**
 * The oracle's verdicts on a case's tests, compiled and checked under one watchdog (a guarded
 * call costs a watchdog thread: two per case were a tenth of `conform suite`); only when that
 * runs out of time are they asked again as before, compiling and checking each under its own
 * limit, so that a slow test gets "timeout" alone. Empty when ajv cannot compile the schema:
 * then the expected verdicts stand.
 */
function oracleVerdicts(target: Target, formats: FormatPolicy, timeoutMs: number, instances: unknown[]): OracleVerdict[] {
  try {
    const oracle = new Oracle(target.registry, formats);
    return withinTimeLimit("judging the case with the oracle (ajv)", timeoutMs, () => {
      oracle.check(target.uri, target.dialect);
      return oracle.verdicts(target.uri, target.dialect, instances, { stage: "replay", limitMs: timeoutMs });
    });
  } catch (e) {
    if (e instanceof OracleUnavailable) return [];
    if (!(e instanceof OutOfTime)) throw e;
  }
  const check = oracleOrLabel(target, formats, timeoutMs);
  return check ? check(instances) : [];
}

/** The oracle's batch check (no verdict: the expected verdict stands), or null when ajv cannot compile the schema: then the expected verdict stands alone. */
function oracleOrLabel(target: Target, formats: FormatPolicy, timeoutMs: number): ((instances: unknown[]) => OracleVerdict[]) | null {
  try {
    const oracle = new Oracle(target.registry, formats);
    withinTimeLimit("compiling the case with the oracle (ajv)", timeoutMs, () => oracle.check(target.uri, target.dialect));
    return (instances) => oracle.verdicts(target.uri, target.dialect, instances, { stage: "replay", limitMs: timeoutMs });
  } catch (e) {
    if (e instanceof OracleUnavailable || e instanceof OutOfTime) return null;
    throw e;
  }
}

let synthetic = 0;

const sharedByRemotes = new WeakMap<object, SharedDocuments>();

/** One shared index per remotes list (a replay's cases all share it). */
function sharedOf(remotes: ReplayOptions["remotes"]): SharedDocuments {
  let shared = sharedByRemotes.get(remotes);
  if (!shared) sharedByRemotes.set(remotes, (shared = new SharedDocuments(remotes)));
  return shared;
}

/** The target of a case: its embedded schema (in a registry of its own, with the remotes) or the file and pointer it names. */
export function targetOf(c: ReplayCase, options: ReplayOptions): Target {
  const inSuite = c.schemaRef && suiteGroupTargetAt(c.schemaRef.file, c.schemaRef.pointer, c.dialect ?? options.defaultDialect);
  if (inSuite) return inSuite;
  const registry = new SchemaRegistry();
  let doc: SchemaDocument;
  let pointer = "";
  if (c.schemaRef) {
    doc = readSchemaDocument(c.schemaRef.file, c.dialect ?? options.defaultDialect);
    pointer = c.schemaRef.pointer;
  } else {
    const declared = isObject(c.schema) && typeof c.schema.$schema === "string" ? dialectFromUri(c.schema.$schema) : undefined;
    const dialect = c.dialect ?? declared ?? options.defaultDialect;
    const base = `https://schema-conform.invalid/replay/${++synthetic}/schema.json`;
    const id = isObject(c.schema) ? c.schema[dialect === "draft-04" ? "id" : "$id"] : undefined;
    const uri = typeof id === "string" && /^[a-z][a-z0-9+.-]*:/i.test(id) ? id.replace(/#$/, "") : base;
    doc = { uri, file: c.origin.file, dialect, declaresDialect: declared !== undefined, schema: c.schema };
    pointer = "";
  }
  // With the remotes and meta-schemas (validators other than ajv know none of their own) the case's $refs reach.
  sharedOf(options.remotes).register(registry, doc);
  const located = registry.locate(doc, pointer);
  if (!located) throw new InputError(doc.file, pointer, "no schema at this pointer");
  const uri = pointer === "" ? doc.uri : `${doc.uri}#${pointerToFragment(pointer)}`;
  const description = c.caseDescription === undefined ? {} : { description: c.caseDescription };
  return { id: `${c.origin.file}#${c.origin.groupPointer}`, ...description, file: doc.file, pointer, documentUri: doc.uri, uri, dialect: located.dialect, schema: located.schema, registry };
}
