import fc from "fast-check";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NothingFound, Unsatisfiable } from "../../../src/canonical/unsatisfiable.js";
import { GenContext, GenerationStuck, GenerationTimeout, validArbitrary } from "../../../src/generate/valid/index.js";
import { Oracle, OracleUnavailable, type Check } from "../../../src/oracle/oracle.js";
import type { Dialect } from "../../../src/schema/dialect.js";
import { InputError } from "../../../src/schema/errors.js";
import type { Json } from "../../../src/schema/json.js";
import { loadSuiteGroups, type SuiteGroup } from "../../../src/schema/suite.js";
import { SUITE } from "../../helpers/paths.js";

/** The repository root (dist/test/generate/valid → four levels up); the shared suite sits beside it (test/helpers/paths.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export const SUITE_ROOT = SUITE;

/** The dialect folders the acceptance criteria name (not optional/). */
export const SUITE_FOLDERS: Record<string, Dialect> = {
  draft4: "draft-04",
  draft6: "draft-06",
  draft7: "draft-07",
  "draft2019-09": "2019-09",
  "draft2020-12": "2020-12",
};

export type OutcomeKind = "produced" | "unsatisfiable" | "nothing-found" | "stuck" | "timeout";

/** What generation did for one suite group, and what ajv thinks of it. */
export interface GroupOutcome {
  /** "draft2020-12/ref.json#15". */
  name: string;
  description: string;
  group: SuiteGroup;
  /** The group has at least one valid test, so it is satisfiable. */
  satisfiable: boolean;
  kind: OutcomeKind;
  payloads: Json[];
  /** ajv's check of the group's schema, or the reason it cannot compile it. */
  check: Check | string;
  /** Payloads ajv rejects (empty when ajv cannot compile). */
  rejected: Json[];
  reason?: string;
}

export function groupName(folder: string, g: SuiteGroup): string {
  return `${folder}/${path.basename(g.file)}#${g.index}`;
}

/** Loads every group of one dialect folder, with the suite's remotes at http://localhost:1234/. */
export function suiteGroupsOf(folder: string): SuiteGroup[] {
  return loadSuiteGroups(path.join(SUITE_ROOT, "tests", folder), SUITE_FOLDERS[folder]!, path.join(SUITE_ROOT, "remotes"));
}

/** Builds, draws `runs` payloads (seed fixed), and has ajv judge them. */
export function runGroup(folder: string, g: SuiteGroup, runs: number, seed: number, timeLimitMs: number): GroupOutcome {
  const oracle = new Oracle(g.target.registry);
  const check = compiledCheck(oracle, g);
  const base = { name: groupName(folder, g), description: g.description, group: g, satisfiable: g.tests.some((t) => t.valid), check };
  const ctx = new GenContext(g.target.registry, oracle, { targetTimeLimitMs: timeLimitMs });
  let payloads: Json[];
  try {
    payloads = fc.sample(validArbitrary(g.target, ctx), { numRuns: runs, seed });
  } catch (e) {
    return { ...base, kind: failureKind(e), payloads: [], rejected: [], reason: (e as Error).message };
  }
  const rejected = typeof check === "string" ? [] : payloads.filter((p) => !check(p));
  return { ...base, kind: "produced", payloads, rejected };
}

function compiledCheck(oracle: Oracle, g: SuiteGroup): Check | string {
  try {
    return oracle.check(g.target.uri, g.target.dialect);
  } catch (e) {
    if (e instanceof InputError) return e.reason;
    if (e instanceof OracleUnavailable) return e.message;
    throw e;
  }
}

function failureKind(e: unknown): OutcomeKind {
  if (e instanceof NothingFound) return "nothing-found";
  if (e instanceof Unsatisfiable) return "unsatisfiable";
  if (e instanceof GenerationTimeout) return "timeout";
  if (e instanceof GenerationStuck) return "stuck";
  throw e;
}

/** The group's own tests on which ajv gives the wrong verdict (evidence for an exception). */
export function ajvMisjudgedTests(o: GroupOutcome): string[] {
  if (typeof o.check === "string") return [];
  const check = o.check;
  return o.group.tests.filter((t) => check(t.data) !== t.valid).map((t) => t.description);
}
