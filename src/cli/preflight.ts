import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../schema/errors.js";
import type { ReportSpec } from "../report/index.js";

/**
 * Checks made before any work, so that a run is not lost at its end to a path that cannot
 * be written: every --report file can be created, the --corpus folder can be created.
 */
export function assertReportsWritable(specs: readonly ReportSpec[]): void {
  for (const spec of specs) {
    const what = `--report ${spec.format}:${spec.path}`;
    if (isFolder(spec.path)) throw new UsageError(`${what}: is a folder, expected a file path`);
    assertCreatableFolder(path.dirname(path.resolve(spec.path)), what);
  }
}

/**
 * The folder exists, or its nearest existing ancestor is a folder, and a file can really be
 * created there: a probe file is written and removed (permission bits say nothing to root,
 * and /proc or a read-only mount refuse files whatever they say).
 */
export function assertCreatableFolder(dir: string, what: string): void {
  let existing = path.resolve(dir);
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  if (!isFolder(existing)) throw new UsageError(`${what}: ${existing} is not a folder`);
  const probe = path.join(existing, `.conform-probe-${process.pid}-${Date.now()}`);
  try {
    fs.writeFileSync(probe, "");
    fs.unlinkSync(probe);
  } catch (e) {
    throw new UsageError(`${what}: cannot create files in ${existing} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** The folder must exist (replay reads it). */
export function assertFolderExists(dir: string, what: string): void {
  if (!fs.existsSync(dir)) throw new UsageError(`${what} ${dir}: no such folder`);
  if (!isFolder(dir)) throw new UsageError(`${what} ${dir}: not a folder`);
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
