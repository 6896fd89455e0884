/**
 * Distinct bugs as official JSON-Schema-Test-Suite files, ready to send upstream: one file
 * per bug and dialect under `<dir>/tests/<suite folder>/` (and an empty `remotes/`), so
 * `conform suite --suite <dir>` runs them. Each case is one example (schema + instance, `valid` the oracle's verdict); the
 * adapters' verdicts go in `comment`, the one free-text field test-schema.json allows.
 */
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import stableStringify from "fast-json-stable-stringify";
import type { BugGroup, RandomFinding } from "../compare/bug-groups.js";
import type { Dialect } from "../schema/dialect.js";
import { SUITE_FOLDER_DIALECT } from "../schema/suite.js";
import { writeFileAtomic } from "../report/atomic-write.js";

/** Examples written per bug (the smallest first). */
const EXAMPLES_PER_BUG = 3;

export interface SuiteCase {
  description: string;
  comment: string;
  schema: unknown;
  tests: Array<{ description: string; data: unknown; valid: boolean }>;
}

/** The suite folder name of a dialect ("2020-12" → "draft2020-12"). */
export function suiteFolderOf(dialect: Dialect): string {
  return Object.entries(SUITE_FOLDER_DIALECT).find(([, d]) => d === dialect)![0];
}

/** The cases of one bug in one dialect. */
export function suiteCasesOf(group: BugGroup, dialect: Dialect): SuiteCase[] {
  return group.examples.filter((e) => e.dialect === dialect).slice(0, EXAMPLES_PER_BUG).map((e) => caseOf(group, e));
}

function caseOf(group: BugGroup, e: RandomFinding): SuiteCase {
  const verdicts = Object.entries(e.observations).map(([a, o]) => `${a}: ${o}`).join(", ");
  return {
    description: `random schema: ${group.keywords.join(", ") || "no keyword"} (${group.disagreement.join(", ")})`,
    comment: `Found by schema-conform fuzz --random-schemas (${e.origin.target}, seed ${e.origin.seed}); ${group.standing}; verdicts: ${verdicts}`,
    schema: e.schema,
    tests: [{ description: e.valid ? "valid per the specification" : "invalid per the specification", data: e.instance, valid: e.valid }],
  };
}

/** Writes every group's files; returns their paths. */
export async function writeBugSuite(dir: string, groups: readonly BugGroup[]): Promise<string[]> {
  const written: string[] = [];
  // The suite's layout: `conform suite --suite <dir>` serves <dir>/remotes (none needed here).
  await mkdir(join(dir, "remotes"), { recursive: true });
  for (const group of groups) {
    for (const dialect of group.dialects) {
      const cases = suiteCasesOf(group, dialect);
      if (cases.length === 0) continue;
      const folder = join(dir, "tests", suiteFolderOf(dialect));
      await mkdir(folder, { recursive: true });
      const name = `random-${createHash("sha256").update(stableStringify(group.signature)).digest("hex").slice(0, 12)}.json`;
      const path = join(folder, name);
      await writeFileAtomic(path, JSON.stringify(cases, null, 2) + "\n");
      written.push(path);
    }
  }
  return written;
}
