import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (tests run from dist/test/..., sources live beside). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The shared data folder: ../shared beside the repository, or wherever CONFORM_SHARED says (CONFORM_SHARED=/nonexistent runs the suite bare). */
export const SHARED = process.env.CONFORM_SHARED ? path.resolve(process.env.CONFORM_SHARED) : path.resolve(REPO_ROOT, "../shared");
export const CODEX_BUNDLE = path.join(SHARED, "corpus/codex-app-server-protocol/codex_app_server_protocol.v2.schemas.json");
export const SUITE = path.join(SHARED, "json-schema-test-suite");
export const SCHEMASTORE = path.join(SHARED, "corpus/schemastore");
export const EXAMPLES = path.join(REPO_ROOT, "schema/examples");
export const BIN = path.join(REPO_ROOT, "bin/conform.js");

/** Something in the shared folder a test reads: its path relative to the folder, and what it is. */
export interface SharedData {
  relativePath: string;
  what: string;
}

export const SHARED_SUITE: SharedData = { relativePath: "json-schema-test-suite", what: "the official JSON-Schema-Test-Suite" };
export const SHARED_CODEX: SharedData = { relativePath: path.relative(SHARED, CODEX_BUNDLE), what: "the Codex app-server-protocol bundle" };
export const SHARED_SCHEMASTORE: SharedData = { relativePath: "corpus/schemastore", what: "the SchemaStore corpus" };
export const SHARED_CATALOG: SharedData = { relativePath: "corpus/schemastore-full", what: "the whole SchemaStore catalog with its test instances" };

/** Skips the running test, or every test of the suite when called in a `before` hook, when `data` is missing from the shared folder. */
export function needsShared(ctx: Mocha.Context, data: SharedData): void {
  if (present(data)) return;
  announceMissing(`skipped: ${titleOf(ctx)}`, data);
  ctx.skip();
}

/**
 * True when `data` is in the shared folder. When it is not, says so once per missing path and
 * returns false: a test that only partly needs it leaves that part out and runs the rest.
 */
export function hasShared(ctx: Mocha.Context, data: SharedData): boolean {
  if (present(data)) return true;
  announceMissing(`skipped in part: ${titleOf(ctx)}`, data);
  return false;
}

function present(data: SharedData): boolean {
  return fs.existsSync(path.join(SHARED, data.relativePath));
}

const announced = new Set<string>();

/**
 * One line per missing path. test/support/reporter.cjs collects the lines (in the array it puts
 * at this global symbol) and prints them above its totals; under another reporter they go out at once.
 */
function announceMissing(verdict: string, data: SharedData): void {
  if (announced.has(data.relativePath)) return;
  announced.add(data.relativePath);
  const line = `${verdict} needs ../shared/${data.relativePath} (${data.what}); CI has it — place the shared folder beside the repository to run it`;
  const collected = (globalThis as Record<symbol, unknown>)[Symbol.for("schema-conform.skip-reasons")];
  if (Array.isArray(collected)) collected.push(line);
  else process.stdout.write(line + "\n");
}

/** The test's full title; in a hook, its suite's. */
function titleOf(ctx: Mocha.Context): string {
  const runnable = ctx.test as Mocha.Test | Mocha.Hook | undefined;
  if (!runnable) return "(unknown test)";
  return runnable.type === "hook" ? (runnable.parent?.fullTitle() ?? runnable.title) : runnable.fullTitle();
}
