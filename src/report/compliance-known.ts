import fs from "node:fs";
import path from "node:path";
import type { KnownFailure } from "../model/compliance.js";
import { packageRoot } from "../adapters/package-root.js";
import { InputError } from "../schema/errors.js";

/** The known-failures lists shipped with schema-conform: adapters/known-failures/<adapter>.json. */
export function shippedKnownFailuresDir(): string {
  return path.join(packageRoot(), "adapters", "known-failures");
}

/** The file of an adapter's list: its name with every character a file name may not hold as "_" (exec:/module: specs have none shipped). */
export function knownFailuresFile(dir: string, adapter: string): string {
  return path.join(dir, `${adapter.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
}

/** Each adapter's known failures (none when it has no file); a malformed file is bad input naming the entry. */
export function loadKnownFailures(dir: string, adapters: readonly string[]): Map<string, KnownFailure[]> {
  const out = new Map<string, KnownFailure[]>();
  for (const adapter of adapters) {
    const file = knownFailuresFile(dir, adapter);
    if (fs.existsSync(file)) out.set(adapter, readKnownFailures(file));
  }
  return out;
}

/** `{"failures": [{dialect, file, group, test?, reason}, …]}`. */
export function readKnownFailures(file: string): KnownFailure[] {
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError(file, "", `not a known-failures list: ${(e as Error).message}`);
  }
  const failures = (doc as { failures?: unknown } | null)?.failures;
  if (!Array.isArray(failures)) throw new InputError(file, "/failures", "expected an array of {dialect, file, group, test?, reason}");
  return failures.map((entry, i) => knownFailureAt(file, `/failures/${i}`, entry));
}

const REQUIRED_TEXT = ["dialect", "file", "group", "reason"] as const;

function knownFailureAt(file: string, pointer: string, entry: unknown): KnownFailure {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new InputError(file, pointer, "expected an object");
  const e = entry as Record<string, unknown>;
  for (const key of REQUIRED_TEXT) if (typeof e[key] !== "string") throw new InputError(file, `${pointer}/${key}`, "expected a string");
  if (e.test !== undefined && typeof e.test !== "string") throw new InputError(file, `${pointer}/test`, "expected a string (leave it out for every test of the group)");
  const known: KnownFailure = { dialect: e.dialect as string, file: e.file as string, group: e.group as string, reason: e.reason as string };
  return typeof e.test === "string" ? { ...known, test: e.test } : known;
}
