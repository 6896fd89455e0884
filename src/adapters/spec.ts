/**
 * Adapter spec strings (DESIGN.md, "Adapter interface"): built-in names, `exec:<command line>`,
 * `module:<path>`, and the services `http:<url>` and `jsonrpc:<command line>`, turned into
 * running Adapters; and the list of what is available here.
 */
import type { Dialect } from "../schema/dialect.js";
import { UsageError } from "../schema/errors.js";
import type { FormatPolicy } from "../oracle/format-policy.js";
import type { Adapter } from "./adapter.js";
import { IN_PROCESS_DEFINITIONS, inProcessDefinition, npmInstallHint } from "./inprocess/catalog.js";
import type { InProcessDefinition } from "./inprocess/engine.js";
import { InProcessAdapter } from "./inprocess/inprocess-adapter.js";
import { loadModuleAdapter } from "./module-adapter.js";
import { HttpAdapter, serviceUrl } from "./service/http-adapter.js";
import { JsonRpcAdapter } from "./service/jsonrpc-adapter.js";
import { DEFAULT_SERVICE_OPTIONS, HTTP_SPEC_PREFIX, JSONRPC_SPEC_PREFIX, type ServiceOptions } from "./service/options.js";
import { installedPackageVersion, packageRoot } from "./package-root.js";
import { IhopAdapter } from "./subprocess/ihop-adapter.js";
import {
  PYTHON_HARNESSES, PYTHON_INSTALL_HINT, pythonDistributionVersions, pythonHarnessCommand, type PythonHarness,
} from "./subprocess/python-harnesses.js";

export interface AdapterOptions {
  /** Time limit per instance of a batch (in-process), per request (subprocess) or per call (module); default 10000 ms. */
  timeoutMs?: number;
  /** How built-in validators (in-process and Python) treat `format`; default "assert", like the oracle's ajv-formats. */
  formats?: FormatPolicy;
  /** Options of http: and jsonrpc: adapters (service/options.ts: parseServiceFlags); default POST, 2xx/4xx, lines. */
  services?: ServiceOptions;
}

export interface AdapterListing {
  name: string;
  kind: "in-process" | "subprocess";
  version?: string;
  available: boolean;
  /** How to make an unavailable adapter available. */
  install?: string;
  /** The dialects the installed release supports, when the adapter knows them. */
  dialects?: readonly Dialect[];
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Every built-in spec name, in-process first. */
export const BUILT_IN_ADAPTER_NAMES: readonly string[] = [...IN_PROCESS_DEFINITIONS.map((d) => d.name), ...PYTHON_HARNESSES.map((h) => h.name)];

/** The spec forms besides built-in names, for help texts and `conform adapters`, each with what it runs. */
export const ADAPTER_SPEC_KINDS: ReadonlyArray<{ form: string; what: string }> = [
  { form: "exec:<command line>", what: "a program speaking Bowtie's IHOP v1 on stdio" },
  { form: "module:<path to .js/.ts>", what: "a JS or TS module exporting an Adapter" },
  { form: "http:<url>", what: "a service: each payload POSTed, 2xx accepted, 4xx rejected (--http-*)" },
  { form: "jsonrpc:<command line>", what: "a JSON-RPC 2.0 server on stdio: each payload the params of --jsonrpc-method" },
];

export const ADAPTER_SPEC_FORMS: readonly string[] = ADAPTER_SPEC_KINDS.map((k) => k.form);

/** Spec prefixes that start an adapter again from the spec alone (replay restarts the adapter that found a case). */
const STARTABLE_PREFIXES = ["exec:", "module:", HTTP_SPEC_PREFIX, JSONRPC_SPEC_PREFIX];

/** True when `spec` names an adapter that can be started again: a built-in name or a spec form. */
export function isStartableSpec(spec: string): boolean {
  return BUILT_IN_ADAPTER_NAMES.includes(spec) || STARTABLE_PREFIXES.some((p) => spec.startsWith(p));
}

/** True for adapters whose own code judges formats: no format-blind twin of them exists. */
function ownsItsFormats(spec: string): boolean {
  return STARTABLE_PREFIXES.some((p) => spec.startsWith(p));
}

/** Starts the adapter a spec names. Throws UsageError for an unknown spec or one that cannot run here. */
export async function createAdapter(spec: string, options: AdapterOptions = {}): Promise<Adapter> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (spec.startsWith("exec:")) return startExec(spec, spec.slice("exec:".length), timeoutMs);
  if (spec.startsWith("module:")) return loadModuleAdapter(spec.slice("module:".length), { timeoutMs });
  if (spec.startsWith(HTTP_SPEC_PREFIX)) return createHttp(spec, timeoutMs, options.services ?? DEFAULT_SERVICE_OPTIONS);
  if (spec.startsWith(JSONRPC_SPEC_PREFIX)) return createJsonRpc(spec, timeoutMs, options.services ?? DEFAULT_SERVICE_OPTIONS);
  const definition = inProcessDefinition(spec);
  if (definition) return createInProcess(definition, timeoutMs, options.formats ?? "assert");
  const harness = PYTHON_HARNESSES.find((h) => h.name === spec);
  if (harness) return startPython(harness, timeoutMs, options.formats ?? "assert");
  throw new UsageError(`unknown adapter "${spec}"; known: ${[...BUILT_IN_ADAPTER_NAMES, ...ADAPTER_SPEC_FORMS].join(", ")}`);
}

/** Every built-in adapter, whether it can run on this machine, and its version. */
export async function listAdapters(): Promise<AdapterListing[]> {
  const inProcess = IN_PROCESS_DEFINITIONS.map((d): AdapterListing => {
    const version = installedPackageVersion(d.packageName);
    return version === undefined
      ? { name: d.name, kind: "in-process", available: false, install: npmInstallHint(d.packageName) }
      : { name: d.name, kind: "in-process", version, available: true, dialects: d.dialectsOf?.(version) ?? d.dialects };
  });
  const versions = await pythonDistributionVersions();
  const python = PYTHON_HARNESSES.map((h): AdapterListing => {
    const version = versions.get(h.distribution);
    return version === undefined
      ? { name: h.name, kind: "subprocess", available: false, install: PYTHON_INSTALL_HINT }
      : { name: h.name, kind: "subprocess", version, available: true };
  });
  return [...inProcess, ...python];
}

function createInProcess(definition: InProcessDefinition, timeoutMs: number, formats: FormatPolicy): Adapter {
  const version = installedPackageVersion(definition.packageName);
  if (version === undefined) throw new UsageError(`adapter "${definition.name}" needs ${definition.packageName}: ${npmInstallHint(definition.packageName)}`);
  return new InProcessAdapter(definition, { timeoutMs, formats, version });
}

async function startExec(spec: string, commandLine: string, timeoutMs: number): Promise<Adapter> {
  if (commandLine.trim() === "") throw new UsageError(`adapter "${spec}": exec: needs a command line, e.g. exec:"python3 my_harness.py"`);
  try {
    return await IhopAdapter.start(spec, { command: "/bin/sh", args: ["-c", commandLine] }, { timeoutMs });
  } catch (e) {
    throw new UsageError(`adapter "${spec}" could not start: ${(e as Error).message}`);
  }
}

function createHttp(spec: string, timeoutMs: number, services: ServiceOptions): Adapter {
  return new HttpAdapter(spec, serviceUrl(spec, spec.slice(HTTP_SPEC_PREFIX.length)), services.http, timeoutMs);
}

/** The server starts with the first payload (and again after each fault): one that cannot start is a fault per payload. */
function createJsonRpc(spec: string, timeoutMs: number, services: ServiceOptions): Adapter {
  const commandLine = spec.slice(JSONRPC_SPEC_PREFIX.length);
  if (commandLine.trim() === "") throw new UsageError(`adapter "${spec}": jsonrpc: needs a command line, e.g. jsonrpc:"python3 server.py"`);
  const method = services.jsonrpc.method;
  if (method === undefined) throw new UsageError(`adapter "${spec}" needs --jsonrpc-method NAME: the method each payload is the params of`);
  return new JsonRpcAdapter(spec, { command: "/bin/sh", args: ["-c", commandLine] }, method, services.jsonrpc, timeoutMs);
}

async function startPython(harness: PythonHarness, timeoutMs: number, formats: FormatPolicy): Promise<Adapter> {
  try {
    return await IhopAdapter.start(harness.name, pythonHarnessCommand(harness, packageRoot(), formats), { timeoutMs });
  } catch (e) {
    throw new UsageError(`adapter "${harness.name}" could not start (${PYTHON_INSTALL_HINT}): ${(e as Error).message}`);
  }
}

/**
 * The same built-in validator with no format asserted, to tell whether a disagreement comes
 * only from `format`; undefined for exec:/module:/http:/jsonrpc: adapters, whose format policy is their own.
 */
export async function formatBlindTwin(spec: string, options: AdapterOptions = {}): Promise<Adapter | undefined> {
  if (ownsItsFormats(spec)) return undefined;
  return createAdapter(spec, { ...options, formats: "annotate" });
}
