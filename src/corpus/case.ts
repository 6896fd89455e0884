import type { Dialect } from "../schema/dialect.js";
import type { JsonSchema } from "../schema/json.js";
import type { FindingKind } from "../model/finding.js";
import type { ProbeMark } from "../model/probe.js";

/**
 * A schema named by file and JSON pointer instead of embedded (a definition of a large
 * bundle). In a corpus file, `file` is relative to the folder of the corpus file
 * itself, with "/" separators: the corpus then replays from any working directory and
 * moves with the repository. In a ReplayCase it is resolved to a usable path.
 */
export interface SchemaRef {
  file: string;
  pointer: string;
}

/** Exactly one of an embedded schema and a schema reference. */
export type SchemaSource = { schema: JsonSchema; schemaRef?: undefined } | { schema?: undefined; schemaRef: SchemaRef };

/** How a counterexample was found (DESIGN.md, "Corpus"). */
export interface Found {
  adapter: string;
  kind: FindingKind;
  /** The keyword the payload breaks; null for a valid payload. */
  keyword: string | null;
  seed: number;
  schemaPath?: string | null;
  instancePath?: string | null;
  /** fast-check replay path. */
  path?: string | null;
}

/** One test of a case, as in the JSON-Schema-Test-Suite. */
export interface CorpusTest {
  description: string;
  data: unknown;
  /** The right answer (the label by construction, which the oracle confirmed). */
  valid: boolean;
  /** The probes in `data`; a mark's `text` is how that number is written when replayed to a harness (`1.0`, `-0`). */
  probes?: ProbeMark[];
}

/**
 * One corpus file: a JSON-Schema-Test-Suite case plus `found`, and optionally the
 * dialect the schema was fuzzed under (a suite file's dialect is its folder's; a
 * corpus case has no folder that says it, and the schema may not carry `$schema`).
 */
export type CorpusCase = {
  description: string;
  dialect?: Dialect;
  tests: CorpusTest[];
  found: Found;
} & SchemaSource;

/** A corpus case and the file it was read from. */
export interface LoadedCase {
  file: string;
  case: CorpusCase;
}

/** Where a replayed test comes from: its file, its group's pointer and its own pointer there. */
export interface ReplayOrigin {
  file: string;
  /** Pointer of the case (group) in the file: "" for a corpus file, "/3" for a suite file's 4th group. */
  groupPointer: string;
  /** Pointer of the test: "/tests/0", "/3/tests/1". */
  pointer: string;
}

/**
 * One test to replay, from the corpus or the official suite alike: the run stage
 * needs nothing else to check it against the oracle and the adapters.
 */
export type ReplayCase = {
  /** "<case description> / <test description>". */
  description: string;
  /** The case's (a suite group's) own description, as a harness is told it. */
  caseDescription?: string;
  data: unknown;
  /** The expected verdict. */
  valid: boolean;
  dialect?: Dialect;
  origin: ReplayOrigin;
  /** Present for corpus cases. */
  found?: Found;
  /** The probes in `data` (corpus cases), spellings included. */
  probes?: ProbeMark[];
} & SchemaSource;
