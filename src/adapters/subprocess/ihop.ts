/**
 * Bowtie's IHOP version 1, as DESIGN.md "Harness protocol" states it: the requests we send and
 * how each answer is read. Pure functions; the process handling is elsewhere.
 */
import type { JsonSchema } from "../../schema/json.js";
import type { Fault, Verdict } from "../adapter.js";

export interface Implementation {
  name?: string;
  language?: string;
  version?: string;
  dialects: string[];
  [key: string]: unknown;
}

export interface RunCase {
  description: string;
  schema: JsonSchema;
  /** Absent when the case needs no other document, as Bowtie sends it. */
  registry?: Record<string, JsonSchema>;
  tests: Array<{ description: string; instance: unknown }>;
}

export function startRequest(): string {
  return JSON.stringify({ cmd: "start", version: 1 });
}

export function dialectRequest(dialect: string): string {
  return JSON.stringify({ cmd: "dialect", dialect });
}

/** A run asks for the verdict only (`output: "flag"`), which Bowtie's run command requires. */
export function runRequest(seq: number, runCase: RunCase): string {
  return JSON.stringify({ cmd: "run", seq, case: runCase, output: "flag" });
}

export function stopRequest(): string {
  return JSON.stringify({ cmd: "stop" });
}

/** A reply that breaks the protocol, or an answer that is an error of the harness itself. */
export interface ReplyFault {
  fault: Fault;
  message: string;
}

type Parsed<T> = { ok: true; value: T } | ({ ok: false } & ReplyFault);

function protocolError(message: string): { ok: false } & ReplyFault {
  return { ok: false, fault: "protocol-error", message };
}

function parseObject(line: string): Parsed<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return protocolError(`harness printed non-JSON: ${abbreviate(line)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return protocolError(`harness printed a non-object: ${abbreviate(line)}`);
  return { ok: true, value: value as Record<string, unknown> };
}

/** Reads the answer to `start`: version 1 and an implementation with its dialects. */
export function readStartReply(line: string): Parsed<Implementation> {
  const parsed = parseObject(line);
  if (!parsed.ok) return parsed;
  const { version, implementation } = parsed.value;
  if (version !== 1) return protocolError(`harness speaks IHOP version ${JSON.stringify(version)}, not 1`);
  if (typeof implementation !== "object" || implementation === null) return protocolError("start reply has no implementation");
  const dialects = (implementation as { dialects?: unknown }).dialects;
  if (!Array.isArray(dialects) || !dialects.every((d) => typeof d === "string")) return protocolError("start reply lists no dialects");
  return { ok: true, value: implementation as Implementation };
}

/** Reads the answer to `dialect`: `{ok: boolean}`. */
export function readDialectReply(line: string): Parsed<boolean> {
  const parsed = parseObject(line);
  if (!parsed.ok) return parsed;
  if (typeof parsed.value.ok !== "boolean") return protocolError(`dialect reply has no boolean "ok": ${abbreviate(line)}`);
  return { ok: true, value: parsed.value.ok };
}

/**
 * Reads the answer to `run` number `seq` over `count` instances. A whole-case error is a
 * fault without breaking the protocol (`restart: false`); anything malformed asks for a restart.
 */
export function readRunReply(line: string, seq: number, count: number): { verdicts: Verdict[]; restart: boolean } {
  const parsed = parseObject(line);
  if (!parsed.ok) return faulted(parsed, count, true);
  const reply = parsed.value;
  if (reply.seq !== seq) return faulted(protocolError(`harness answered seq ${JSON.stringify(reply.seq)} to request seq ${seq}`), count, true);
  if (reply.errored === true) return faulted({ fault: "adapter-error", message: `harness errored: ${contextMessage(reply.context)}` }, count, false);
  if (reply.skipped === true) return { verdicts: Array.from({ length: count }, () => skippedVerdict(reply)), restart: false };
  if (!Array.isArray(reply.results)) return faulted(protocolError("run reply has no results"), count, true);
  if (reply.results.length !== count) {
    return faulted(protocolError(`harness returned ${reply.results.length} results for ${count} instances`), count, true);
  }
  return { verdicts: reply.results.map(readResult), restart: false };
}

function readResult(result: unknown): Verdict {
  if (typeof result !== "object" || result === null) return { errored: true, fault: "protocol-error", message: `malformed result ${abbreviate(JSON.stringify(result))}` };
  const r = result as Record<string, unknown>;
  if (typeof r.valid === "boolean") return { valid: r.valid };
  if (r.skipped === true) return skippedVerdict(r);
  if (r.errored === true) return { errored: true, fault: "adapter-error", message: `harness errored: ${contextMessage(r.context)}` };
  return { errored: true, fault: "protocol-error", message: `malformed result ${abbreviate(JSON.stringify(result))}` };
}

function skippedVerdict(r: Record<string, unknown>): Verdict {
  const message = typeof r.message === "string" ? r.message : typeof r.issue_url === "string" ? r.issue_url : undefined;
  return message === undefined ? { skipped: true } : { skipped: true, message };
}

/** The same fault for every instance of the request. */
export function faultVerdicts(f: ReplyFault, count: number): Verdict[] {
  return Array.from({ length: count }, () => ({ errored: true as const, fault: f.fault, message: f.message }));
}

function faulted(f: ReplyFault, count: number, restart: boolean): { verdicts: Verdict[]; restart: boolean } {
  return { verdicts: faultVerdicts(f, count), restart };
}

/** Bowtie harnesses put a message and/or a traceback in `context`. */
function contextMessage(context: unknown): string {
  if (typeof context !== "object" || context === null) return "no context";
  const c = context as Record<string, unknown>;
  const text = [c.message, c.traceback, c.stderr].filter((x): x is string => typeof x === "string");
  return abbreviate(text.length > 0 ? text.join("\n") : JSON.stringify(context));
}

function abbreviate(text: string, max = 500): string {
  return text.length <= max ? text : text.slice(0, max) + "…";
}
