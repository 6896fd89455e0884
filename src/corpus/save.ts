import { createHash } from "node:crypto";
import { access } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import stableStringify from "fast-json-stable-stringify";
import { writeFileAtomic } from "../report/atomic-write.js";
import type { CorpusCase, Found, SchemaRef } from "./case.js";

/** Hex digits of the content hash kept in a file name: 80 bits, far from any collision in one corpus. */
const NAME_HASH_LENGTH = 20;

/**
 * The identity of a case: what the schema is (embedded, or which file and pointer),
 * which instances with which expected verdicts, against which adapter. Descriptions,
 * seeds and paths are left out, so the same counterexample found twice, by two seeds
 * or two runs, is one file.
 */
export function caseHash(c: CorpusCase): string {
  const identity = {
    schema: c.schemaRef === undefined ? { embedded: c.schema } : { ref: c.schemaRef },
    // probes only when present, so the names of cases without them do not change; a spelling (`1.0`) is another case than the value (`1`)
    tests: c.tests.map((t) => ({ data: t.data, valid: t.valid, ...(t.probes ? { probes: t.probes } : {}) })),
    adapter: c.found.adapter,
  };
  return createHash("sha256").update(stableStringify(identity)).digest("hex");
}

/** "<first hex digits of the content hash>.json": the name alone detects duplicates. */
export function caseFileName(c: CorpusCase): string {
  return `${caseHash(c).slice(0, NAME_HASH_LENGTH)}.json`;
}

/**
 * A `schemaRef.file` given as the run knows it (absolute, or relative to the working
 * directory) rewritten relative to the corpus folder with "/" separators, as stored.
 */
export function refRelativeToCorpus(dir: string, ref: SchemaRef): SchemaRef {
  const file = relative(resolve(dir), resolve(ref.file)).split(sep).join("/");
  return { file, pointer: ref.pointer };
}

/** The case as written: fixed key order for readable diffs, schemaRef relative to `dir`. */
export function storedCase(dir: string, c: CorpusCase): CorpusCase {
  const head = { description: c.description, ...(c.dialect === undefined ? {} : { dialect: c.dialect }) };
  const tests = c.tests.map((t) => ({ description: t.description, data: t.data, valid: t.valid, ...(t.probes ? { probes: t.probes } : {}) }));
  return c.schemaRef === undefined
    ? { ...head, schema: c.schema, tests, found: orderedFound(c.found) }
    : { ...head, schemaRef: refRelativeToCorpus(dir, c.schemaRef), tests, found: orderedFound(c.found) };
}

function orderedFound(f: Found): Found {
  const { adapter, kind, keyword, seed, schemaPath, instancePath, path } = f;
  return { adapter, kind, keyword, seed, schemaPath, instancePath, path };
}

/**
 * Saves a counterexample in the corpus folder `dir` (created if missing), atomically.
 * `c.schemaRef.file`, if any, is a path as the caller knows it (absolute or relative to
 * the working directory). Returns the file's path and whether it is new: a case whose
 * content is already in the corpus is not written again.
 */
export async function saveCase(dir: string, c: CorpusCase): Promise<{ path: string; added: boolean }> {
  const stored = storedCase(dir, c);
  const path = join(dir, caseFileName(stored));
  if (await exists(path)) return { path, added: false };
  await writeFileAtomic(path, JSON.stringify(stored, null, 2) + "\n");
  return { path, added: true };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
