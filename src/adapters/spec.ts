/**
 * Adapter spec strings (DESIGN.md, "Adapter interface"): built-in names, `exec:<command line>`
 * and `module:<path>`, turned into running Adapters; and the list of what is available here.
 */
import type { Dialect } from "../schema/dialect.js";
import { UsageError } from "../schema/errors.js";
import type { FormatPolicy } from "../oracle/format-policy.js";
import type { Adapter } from "./adapter.js";
import { IN_PROCESS_DEFINITIONS, inProcessDefinition, npmInstallHint } from "./inprocess/catalog.js";
import type { InProcessDefinition } from "./inprocess/engine.js";
import { InProcessAdapter } from "./inprocess/inprocess-adapter.js";
import { loadModuleAdapter } from "./module-adapter.js";
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

/** The spec forms besides built-in names, for help texts. */
export const ADAPTER_SPEC_FORMS: readonly string[] = ["exec:<command line>", "module:<path to .js/.ts>"];

/** Starts the adapter a spec names. Throws UsageError for an unknown spec or one that cannot run here. */
export async function createAdapter(spec: string, options: AdapterOptions = {}): Promise<Adapter> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (spec.startsWith("exec:")) return startExec(spec, spec.slice("exec:".length), timeoutMs);
  if (spec.startsWith("module:")) return loadModuleAdapter(spec.slice("module:".length), { timeoutMs });
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

async function startPython(harness: PythonHarness, timeoutMs: number, formats: FormatPolicy): Promise<Adapter> {
  try {
    return await IhopAdapter.start(harness.name, pythonHarnessCommand(harness, packageRoot(), formats), { timeoutMs });
  } catch (e) {
    throw new UsageError(`adapter "${harness.name}" could not start (${PYTHON_INSTALL_HINT}): ${(e as Error).message}`);
  }
}

/**
 * The same built-in validator with no format asserted, to tell whether a disagreement comes
 * only from `format`; undefined for exec:/module: adapters, whose format policy is their own.
 */
export async function formatBlindTwin(spec: string, options: AdapterOptions = {}): Promise<Adapter | undefined> {
  if (spec.startsWith("exec:") || spec.startsWith("module:")) return undefined;
  return createAdapter(spec, { ...options, formats: "annotate" });
}
