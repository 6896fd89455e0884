/**
 * The options of service adapters (`http:`, `jsonrpc:`), parsed in one place from the flags'
 * text; a bad value is one UsageError (or an InputError naming a template file): exit 2.
 */
import { UsageError } from "../../schema/errors.js";
import { readEnvelope, type Envelope } from "./envelope.js";
import { FRAMINGS, type FramingName } from "./framing.js";
import { readHandshake, type HandshakeStep } from "./handshake.js";

/** HTTP status codes as ranges, with the text they were written as (for messages). */
export interface StatusSet {
  text: string;
  ranges: Array<[number, number]>;
}

export interface HttpOptions {
  method: string;
  headers: Record<string, string>;
  /** The payload is POSTed as it is when absent. */
  envelope?: Envelope;
  accept: StatusSet;
  reject: StatusSet;
}

export interface JsonRpcOptions {
  /** The method each payload is the params of. */
  method?: string;
  /** The params are the payload itself when absent. */
  params?: Envelope;
  framing: FramingName;
  /** Sent after each start, before the first payload (--jsonrpc-init). */
  handshake: HandshakeStep[];
}

export interface ServiceOptions {
  http: HttpOptions;
  jsonrpc: JsonRpcOptions;
}

/** The flags as commander hands them over (all optional: defaults are applied here). */
export interface ServiceFlags {
  httpEnvelope?: string;
  httpAccept?: string;
  httpReject?: string;
  httpHeader?: string[];
  httpMethod?: string;
  jsonrpcMethod?: string;
  jsonrpcParams?: string;
  jsonrpcFraming?: string;
  jsonrpcInit?: string;
}

export const HTTP_SPEC_PREFIX = "http:";
export const JSONRPC_SPEC_PREFIX = "jsonrpc:";

const HTTP_FLAGS = ["httpEnvelope", "httpAccept", "httpReject", "httpHeader", "httpMethod"] as const;
const JSONRPC_FLAGS = ["jsonrpcMethod", "jsonrpcParams", "jsonrpcFraming", "jsonrpcInit"] as const;

/** Checks and reads the flags; flags of a kind no adapter of the run is are bad usage, since they would do nothing. */
export function parseServiceFlags(flags: ServiceFlags, specs: readonly string[] = []): ServiceOptions {
  requireAdapterFor(flags, HTTP_FLAGS, specs, HTTP_SPEC_PREFIX);
  requireAdapterFor(flags, JSONRPC_FLAGS, specs, JSONRPC_SPEC_PREFIX);
  const accept = parseStatusSet("--http-accept", flags.httpAccept ?? "2xx");
  const reject = parseStatusSet("--http-reject", flags.httpReject ?? "4xx");
  assertDisjoint(accept, reject);
  const http: HttpOptions = { method: parseHttpMethod(flags.httpMethod ?? "POST"), headers: parseHeaders(flags.httpHeader ?? []), accept, reject };
  if (flags.httpEnvelope !== undefined) http.envelope = readEnvelope(flags.httpEnvelope);
  const handshake = flags.jsonrpcInit === undefined ? [] : readHandshake(flags.jsonrpcInit);
  const jsonrpc: JsonRpcOptions = { framing: parseFraming(flags.jsonrpcFraming ?? "lines"), handshake };
  if (flags.jsonrpcMethod !== undefined) jsonrpc.method = parseMethodName(flags.jsonrpcMethod);
  if (flags.jsonrpcParams !== undefined) jsonrpc.params = readEnvelope(flags.jsonrpcParams);
  return { http, jsonrpc };
}

/** The defaults: POST the payload, 2xx accepted, 4xx rejected; JSON-RPC over lines (no method: a jsonrpc: adapter then needs one). */
export const DEFAULT_SERVICE_OPTIONS: ServiceOptions = parseServiceFlags({});

function requireAdapterFor(flags: ServiceFlags, names: readonly (keyof ServiceFlags)[], specs: readonly string[], prefix: string): void {
  const given = names.find((n) => flags[n] !== undefined && !(Array.isArray(flags[n]) && flags[n].length === 0));
  if (given === undefined || specs.some((s) => s.startsWith(prefix))) return;
  throw new UsageError(`--${kebab(given)} applies to ${prefix} adapters, and no --adapter ${prefix}… is given`);
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}

/** `2xx`, `404`, `400-499`, or a comma-separated list of them. */
export function parseStatusSet(flag: string, text: string): StatusSet {
  const ranges = text.split(",").map((part) => parseStatusRange(flag, part.trim(), text));
  return { text, ranges };
}

function parseStatusRange(flag: string, part: string, whole: string): [number, number] {
  const bad = (): never => {
    throw new UsageError(`${flag} takes status classes or codes such as 2xx, 404 or 400-499 (comma-separated), got "${whole}"`);
  };
  const cls = /^([1-5])xx$/i.exec(part);
  if (cls) return [Number(cls[1]) * 100, Number(cls[1]) * 100 + 99];
  const range = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
  if (!range) return bad();
  const lo = Number(range[1]);
  const hi = range[2] === undefined ? lo : Number(range[2]);
  if (lo < 100 || hi > 599 || lo > hi) return bad();
  return [lo, hi];
}

export function statusIn(set: StatusSet, status: number): boolean {
  return set.ranges.some(([lo, hi]) => status >= lo && status <= hi);
}

function assertDisjoint(accept: StatusSet, reject: StatusSet): void {
  for (let status = 100; status <= 599; status++) {
    if (statusIn(accept, status) && statusIn(reject, status)) throw new UsageError(`--http-accept ${accept.text} and --http-reject ${reject.text} both hold status ${status}`);
  }
}

function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = colon > 0 ? line.slice(0, colon).trim() : "";
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`--http-header takes "Name: value", got "${line}"`);
    headers[name.toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function parseHttpMethod(text: string): string {
  if (!/^[A-Za-z]+$/.test(text)) throw new UsageError(`--http-method takes a method name such as POST or PUT, got "${text}"`);
  return text.toUpperCase();
}

function parseMethodName(text: string): string {
  if (text.trim() === "") throw new UsageError("--jsonrpc-method takes a method name, got an empty one");
  return text;
}

function parseFraming(text: string): FramingName {
  if (!(FRAMINGS as readonly string[]).includes(text)) throw new UsageError(`--jsonrpc-framing takes ${FRAMINGS.join(" or ")}, got "${text}"`);
  return text as FramingName;
}
