import type { Arbitrary } from "fast-check";
import type { Adapter, Prepared, Verdict } from "../adapters/adapter.js";
import { Unsatisfiable } from "../canonical/unsatisfiable.js";
import { OracleUnavailable } from "../oracle/oracle.js";
import { asReported, GenerationStuck, validProbedArbitrary, type GenContext } from "../generate/valid/index.js";
import { probedOf } from "../generate/valid/types/probe-value.js";
import { withOtherReadings } from "../generate/invalid/other-readings.js";
import type { Json } from "../schema/json.js";
import type { Target } from "../schema/target.js";
import type { Finding } from "../model/finding.js";
import { InvalidStats, type InvalidPayload } from "../generate/invalid/index.js";
import { judgePayload, kindOf, makeFinding, ORACLE_NAME, type Disagreement } from "./judge.js";
import { OutOfTime, withinTimeLimit } from "../oracle/guard.js";
import { giveUpNote, type OracleVerdict } from "../oracle/give-up.js";
import type { CampaignOptions } from "./options.js";
import { drawStream, invalidPayloads, payloadText, targetSeed, validPayloads, withInstance, type Payload, type PayloadStream } from "./payload.js";
import type { Coverage } from "../model/coverage.js";
import type { TargetSummary } from "../model/report.js";
import { shrinkDisagreement } from "./shrink.js";
import { unsupportedVocabulary } from "./vocabulary.js";
import { reduceJson } from "./reduce.js";
import { editsAProbe, probeNames, probesWithin, withoutIdleProbes } from "./probe-findings.js";
import { prepareSafely, skipReasons, validateSafely } from "./verdicts.js";
import { separateFormatDifferences, type FormatSeparation } from "./format-difference.js";
import { FormatProbe } from "./format-only.js";
import { attributedVerdicts, flakyFinding, type FlakyFault } from "./fault-attribution.js";

/** Optional stages plugged into a target run: invalid generation and coverage. */
export interface TargetRunStages {
  invalidArbitrary?: (target: Target, ctx: GenContext, stats: InvalidStats) => Arbitrary<InvalidPayload> | undefined;
  coverage?: (target: Target, ctx: GenContext, valid: Json[], invalid: InvalidPayload[]) => Coverage;
}

export interface AdapterTally {
  checked: number;
  skipped: number;
}

/** What a campaign shares across its targets (one registry). */
export interface CampaignState extends FormatSeparation {
  tallies: Map<Adapter, AdapterTally>;
  /** Each target's prepared adapters, kept for its later rounds (--duration): a prepare per round kept a compiled validator per round in each adapter. */
  prepared?: Map<string, PreparedAdapter[]>;
}

export interface TargetRunResult {
  summary: TargetSummary;
  findings: Finding[];
}

/** Fuzzes one target: draw payloads, ask the oracle and every adapter, shrink what disagrees. */
export async function runTarget(
  target: Target,
  adapters: Adapter[],
  ctx: GenContext,
  options: CampaignOptions,
  stages: TargetRunStages,
  state: CampaignState,
): Promise<TargetRunResult> {
  const started = performance.now();
  const ref = { file: target.file, pointer: target.pointer, uri: target.uri };
  const summary: TargetSummary = { target: ref, dialect: target.dialect, status: "ok", payloads: { valid: 0, invalid: 0 }, invalidRejectedByOracle: 0, timeMs: 0 };
  const giveUpsBefore = ctx.oracle.giveUps.length;
  const finish = (findings: Finding[]): TargetRunResult => {
    summary.message ??= giveUpNote(ctx.oracle.giveUps.slice(giveUpsBefore));
    summary.timeMs = Math.round(performance.now() - started);
    return { summary, findings };
  };
  const vocabulary = unsupportedVocabulary(target);
  if (vocabulary) return finish(markStatus(summary, "skipped", vocabulary));
  let streams: PayloadStream[];
  const stats = new InvalidStats();
  const limitMs = hardTimeLimitMs(ctx);
  try {
    streams = withinTimeLimit("generating this target's payloads", limitMs, () => drawStreams(target, ctx, options, stages, stats));
  } catch (thrown) {
    const e = asReported(thrown); // "unsatisfiable" only on a proof; a search that found nothing gave up
    if (e instanceof Unsatisfiable) return finish(markStatus(summary, "unsatisfiable", e.reason));
    if (e instanceof GenerationStuck) return finish(markStatus(summary, "error", e.message));
    if (e instanceof OracleUnavailable) return finish(markStatus(summary, "skipped", e.message));
    if (e instanceof OutOfTime) return finish(markStatus(summary, "error", outOfTimeMessage(e, ctx)));
    throw e;
  }
  try {
    withinTimeLimit("compiling this target with the oracle (ajv)", limitMs, () => ctx.oracle.check(target.uri, target.dialect));
  } catch (e) {
    if (e instanceof OracleUnavailable) return finish(markStatus(summary, "skipped", e.message));
    if (e instanceof OutOfTime) return finish(markStatus(summary, "error", outOfTimeMessage(e, ctx)));
    throw e;
  }
  const all = streams.flatMap((s, si) => s.payloads.map((p, index) => ({ p, si, index })));
  summary.payloads.valid = streams[0]!.payloads.length;
  summary.payloads.invalid = streams[1]?.payloads.length ?? 0;
  summary.invalidRejectedByOracle = stats.accepted;
  const guarded = ctx.oracle.verdicts(target.uri, target.dialect, all.map(({ p }) => p.instance), { stage: "the first pass", limitMs: options.timeoutMs });
  if (ctx.oracle.ranOutOfStack(target.uri)) {
    return finish(markStatus(summary, "error", `the oracle (ajv) ran out of stack checking this target's payloads: no verdict (CONFORM_STACK_MB sets the stack)`));
  }
  const oracleValid = guarded.map((g) => g === true);
  const prepared = state.prepared?.get(target.id) ?? (await prepareAll(target, adapters));
  state.prepared?.set(target.id, prepared);
  const { verdicts, flaky } = await verdictsOf(prepared, all.map(({ p }) => p), state.tallies);
  const skippedBy = skipReasons(verdicts);
  if (skippedBy.length > 0) summary.skippedBy = skippedBy;
  const disagreements = all.flatMap(({ p }, i) =>
    guarded[i] === "timeout" ? [oracleTimeout(i, options.timeoutMs)] : typeof guarded[i] === "boolean" ? judgePayload(i, p, oracleValid[i]!, verdictsAt(verdicts, i)) : [],
  );
  const probe = options.formats === "assert" ? new FormatProbe(target, state.twins) : undefined;
  const findings = await findingsOf(disagreements, all, streams, target, prepared, ctx, options, probe);
  if (probe) await separateFormatDifferences(findings, target, adapters, state, probe);
  findings.push(...flaky.map((f) => flakyFinding(f, target)));
  if (stages.coverage) {
    const invalid = (streams[1]?.payloads ?? []).map((p) => ({ instance: p.instance, label: p.label!, schemaLocation: p.schemaLocation ?? "" }));
    const valid = streams[0]!.payloads.map((p) => p.instance);
    try {
      summary.coverage = withinTimeLimit("computing coverage", limitMs, () => stages.coverage!(target, ctx, valid, invalid));
    } catch (e) {
      if (!(e instanceof OutOfTime)) throw e;
      ctx.recoverFromInterruption();
      summary.message = outOfTimeMessage(e, ctx);
    }
  }
  return finish(findings);
}

/**
 * The hard limit of one synchronous stage of a target (drawing, compiling, coverage): the
 * generators' own cooperative limit plus a margin, for what they cannot interrupt (a regex).
 */
function hardTimeLimitMs(ctx: GenContext): number {
  return Math.round(ctx.options.targetTimeLimitMs * 1.5) + 1_000;
}

/** A stage stopped by the watchdog: the generation state it left half-built is cleared, and the reason says what. */
function outOfTimeMessage(e: OutOfTime, ctx: GenContext): string {
  ctx.recoverFromInterruption();
  return `${e.message} (the per-target limit)`;
}

function markStatus(summary: TargetSummary, status: TargetSummary["status"], message: string): [] {
  summary.status = status;
  summary.message = message;
  return [];
}

function drawStreams(target: Target, ctx: GenContext, options: CampaignOptions, stages: TargetRunStages, stats: InvalidStats): PayloadStream[] {
  const seed = targetSeed(options.seed, target);
  const valid = validPayloads(withOtherReadings(validProbedArbitrary(target, ctx), target, ctx, probedOf));
  const invalidArb = stages.invalidArbitrary?.(target, ctx, stats);
  const validCount = invalidArb ? Math.ceil(options.runs / 2) : options.runs;
  const streams = [drawStream(valid, seed, validCount)];
  if (invalidArb) streams.push(drawStream(invalidPayloads(invalidArb), seed + 1, options.runs - validCount));
  return streams;
}

type PreparedAdapter = { adapter: Adapter; prepared: Prepared };

async function prepareAll(target: Target, adapters: Adapter[]): Promise<PreparedAdapter[]> {
  const out: PreparedAdapter[] = [];
  for (const adapter of adapters) out.push({ adapter, prepared: await prepareSafely(adapter, target) });
  return out;
}

/** One batch per adapter: every instance of the target in one call (one compile, one round trip); a batch-wide fault is attributed instance by instance. */
async function verdictsOf(prepared: PreparedAdapter[], payloads: Payload[], tallies: Map<Adapter, AdapterTally>): Promise<{ verdicts: Map<Adapter, Verdict[]>; flaky: FlakyFault[] }> {
  const out = new Map<Adapter, Verdict[]>();
  const flaky: FlakyFault[] = [];
  const instances = payloads.map((p) => p.instance);
  const texts = payloads.map(payloadText);
  for (const { adapter, prepared: p } of prepared) {
    const attributed = await attributedVerdicts(adapter, p, instances, texts);
    const verdicts = attributed.verdicts;
    if (attributed.flaky) flaky.push(attributed.flaky);
    const tally = tallies.get(adapter) ?? { checked: 0, skipped: 0 };
    for (const v of verdicts) "skipped" in v ? tally.skipped++ : tally.checked++;
    tallies.set(adapter, tally);
    out.set(adapter, verdicts);
  }
  return { verdicts: out, flaky };
}

function verdictsAt(verdicts: Map<Adapter, Verdict[]>, i: number): Map<Adapter, Verdict> {
  return new Map([...verdicts].map(([a, vs]) => [a, vs[i]!]));
}

/**
 * One finding per distinct disagreement of a target — (adapter, kind, keyword, schema path),
 * faults by message, and false rejects split into format-only and real before any is
 * chosen — the first payload of each, shrunk while it stays in its group. Format-only and
 * real groups each have their own cap, so neither can take the other's place.
 */
async function findingsOf(
  disagreements: Disagreement[],
  all: Array<{ p: Payload; si: number; index: number }>,
  streams: PayloadStream[],
  target: Target,
  prepared: PreparedAdapter[],
  ctx: GenContext,
  options: CampaignOptions,
  probe: FormatProbe | undefined,
): Promise<Finding[]> {
  const formatOnly = await formatOnlyRejects(disagreements, all, prepared, probe);
  const seen = { real: new Set<string>(), formatOnly: new Set<string>(), probed: new Set<string>() };
  const cap = options.maxShrinksPerTarget * Math.max(1, prepared.length);
  const findings: Finding[] = [];
  const shrunkGroups = new Set<string>();
  for (const d of disagreements) {
    const { p, si, index } = all[d.index]!;
    const onlyFormat = formatOnly.get(d);
    // probe groups have their own cap: many named probes must not crowd out the other findings
    const slots = onlyFormat ? seen.formatOnly : !isFault(d) && probeNames(p) !== "" ? seen.probed : seen.real;
    const group = `${d.adapter}|${d.kind}|${isFault(d) ? (d.message ?? "").split("\n")[0] : `${p.label?.keyword ?? ""}|${p.label?.schemaPath ?? ""}|${probeNames(p)}`}|${onlyFormat ?? ""}`;
    if (slots.has(group) || slots.size >= cap) continue;
    slots.add(group);
    const keepsFormatOnly = onlyFormat === undefined ? undefined : sameFormatOnly(d.adapter, prepared, probe!, onlyFormat);
    const shrunk = await shrinkOne(d, p, streams[si]!, index, target, prepared, ctx, options, keepsFormatOnly);
    const found = `${d.adapter}|${d.kind}|${p.label?.keyword ?? ""}|${p.label?.schemaPath ?? ""}|${onlyFormat ?? ""}|${probeNames(shrunk.payload)}`;
    if (!isFault(d) && shrunkGroups.has(found)) continue; // shrunk to one already reported: the probes it started with were not what disagreed
    shrunkGroups.add(found);
    findings.push(toFinding(d, shrunk.payload, shrunk.path, streams[si]!.seed, target, shrunk.oracle, shrunk.actual));
  }
  return findings;
}

/** Whether each false reject is format-only (FormatProbe), asked in one batch per adapter; absent when formats are not asserted. */
async function formatOnlyRejects(disagreements: Disagreement[], all: Array<{ p: Payload }>, prepared: PreparedAdapter[], probe: FormatProbe | undefined): Promise<Map<Disagreement, boolean>> {
  const out = new Map<Disagreement, boolean>();
  if (!probe) return out;
  for (const { adapter } of prepared) {
    const rejects = disagreements.filter((d) => d.adapter === adapter.name && d.kind === "false-reject");
    if (rejects.length === 0) continue;
    const answers = await probe.rejectsAreFormatOnly(adapter, rejects.map((d) => all[d.index]!.p.instance), rejects.map((d) => payloadText(all[d.index]!.p)));
    rejects.forEach((d, k) => out.set(d, answers[k]!));
  }
  return out;
}

/** A shrink step must keep a false reject on its side of the format-only line. */
function sameFormatOnly(name: string, prepared: PreparedAdapter[], probe: FormatProbe, formatOnly: boolean): (p: Payload) => Promise<boolean> {
  const subject = prepared.find((x) => x.adapter.name === name)!.adapter;
  return async (p) => (await probe.rejectsAreFormatOnly(subject, [p.instance], [payloadText(p)]))[0] === formatOnly;
}

/** The oracle ran out of time on a payload: reported as a fault of the oracle, the payload is not judged. */
function oracleTimeout(index: number, timeoutMs: number): Disagreement {
  return { index, adapter: ORACLE_NAME, kind: "adapter-timeout", message: `ajv took more than ${timeoutMs} ms on this payload` };
}

/** Faults group by their message (the same crash whatever keyword the payload broke); verdicts by keyword. */
function isFault(d: Disagreement): boolean {
  return d.kind === "adapter-error" || d.kind === "adapter-timeout" || d.kind === "protocol-error";
}

interface ShrinkOutcome {
  payload: Payload;
  path: string;
  oracle: boolean;
  actual: Verdict | null;
}

/** Shrinks while the same disagreement holds, then re-checks the result with the oracle; falls back to the original. */
async function shrinkOne(d: Disagreement, original: Payload, stream: PayloadStream, index: number, target: Target, prepared: PreparedAdapter[], ctx: GenContext, options: CampaignOptions, keepsFormatOnly?: (p: Payload) => Promise<boolean>): Promise<ShrinkOutcome> {
  if (d.adapter === ORACLE_NAME && d.kind === "adapter-timeout") return { payload: original, path: String(index), oracle: false, actual: null };
  const oracleVerdict = ctx.oracle.judge(target.uri, target.dialect, { stage: "shrinking", limitMs: options.timeoutMs });
  const check = (instance: Json): boolean | undefined => verdictOrNone(() => oracleVerdict(instance));
  const subject = prepared.find((x) => x.adapter.name === d.adapter);
  const verdictOn = async (p: Payload): Promise<Verdict | null> => (subject ? (await validateSafely(subject.adapter, subject.prepared, [p.instance], [payloadText(p)]))[0]! : null);
  const still = async (p: Payload): Promise<boolean> => {
    const oracleValid = check(p.instance);
    if (oracleValid === undefined) return false; // a shrink step the oracle cannot judge is not taken
    if (d.kind === "oracle-disagreement") return (p.expected === "valid") !== oracleValid;
    if ((p.expected === "valid") !== oracleValid) return false; // the label must stay true, whatever the fault
    if (!isFault(d) && !probesWithin(p, original)) return false; // shrinking may drop probes, never bring in others
    const v = await verdictOn(p);
    return v !== null && kindOf(p, oracleValid, v) === d.kind && (!keepsFormatOnly || (await keepsFormatOnly(p)));
  };
  const oracleOn = (p: Payload): boolean => {
    const answer = check(p.instance);
    if (answer !== undefined) return answer;
    // No verdict now: the first pass's answer stands (it agreed with the label, unless it was an oracle-disagreement).
    const labelledValid = p.expected === "valid";
    return d.kind === "oracle-disagreement" ? !labelledValid : labelledValid;
  };
  const originalOutcome: ShrinkOutcome = { payload: original, path: String(index), oracle: oracleOn(original), actual: await verdictOn(original) };
  if (d.kind === "adapter-timeout") return originalOutcome; // each retry would cost a full timeout
  const shrunk = await shrinkSafely(stream, index, still, options.shrinkTimeMs, ctx);
  const best = shrunk && (await still(shrunk.payload)) ? shrunk : { payload: original, path: String(index) };
  const reduced = d.kind === "oracle-disagreement" ? best.payload : await reducePayload(best.payload, still, target, ctx, options.timeoutMs);
  return { payload: reduced, path: best.path, oracle: oracleOn(reduced), actual: await verdictOn(reduced) };
}

/**
 * fast-check's shrinking, on a fresh generation clock (the target's may be spent by slow
 * adapters), where a generator that gives up or runs out of time ends the shrinking and
 * the payload found so far stands.
 */
async function shrinkSafely(stream: PayloadStream, index: number, still: (p: Payload) => Promise<boolean>, timeMs: number, ctx: GenContext): Promise<Awaited<ReturnType<typeof shrinkDisagreement>>> {
  ctx.beginTarget();
  try {
    return await shrinkDisagreement(stream, index, still, timeMs);
  } catch (e) {
    if (e instanceof GenerationStuck || e instanceof Unsatisfiable || e instanceof OutOfTime) return null;
    throw e;
  }
}

/**
 * Structural reduction past fast-check's shrinking (which cannot cut through chained
 * arbitraries): the disagreement must still hold and, for an invalid payload, ajv must
 * still name the labelled keyword at the labelled place, so the label stays true.
 */
async function reducePayload(p: Payload, still: (p: Payload) => Promise<boolean>, target: Target, ctx: GenContext, timeoutMs: number): Promise<Payload> {
  const label = p.label;
  // not confirmed (no verdict, out of time included): the reduction step is not taken
  const labelHolds = (instance: Json): boolean =>
    label === null || ctx.oracle.explains(target.uri, target.dialect, instance, label.keyword, label.instancePath, { stage: "reduction", limitMs: timeoutMs });
  if (!labelHolds(p.instance)) return p;
  const keeps = async (instance: Json) => labelHolds(instance) && !editsAProbe(p, instance) && (await still(withInstance(p, instance)));
  const instance = await reduceJson(p.instance, keeps, label?.instancePath ?? null);
  return withoutIdleProbes(withInstance(p, instance), async (candidate) => labelHolds(candidate.instance) && (await still(candidate)));
}

/** The oracle's verdict, or undefined when it gave none (out of time, out of stack, a crash). */
function verdictOrNone(ask: () => OracleVerdict): boolean | undefined {
  try {
    const v = ask();
    return typeof v === "boolean" ? v : undefined;
  } catch (e) {
    if (e instanceof OutOfTime) return undefined;
    throw e;
  }
}

function toFinding(d: Disagreement, p: Payload, path: string, seed: number, target: Target, oracleValid: boolean, actual: Verdict | null): Finding {
  const ref = { file: target.file, pointer: target.pointer, uri: target.uri };
  return makeFinding(d, p, oracleValid, actual, { target: ref, label: p.label, seed, path, message: d.message });
}
