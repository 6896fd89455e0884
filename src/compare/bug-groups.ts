/**
 * Grouping disagreements found on random schemas by root cause: the same keywords in the
 * shrunk schema and the same adapters disagreeing the same way are one bug, with each
 * finding an example of it. An hour-long run then reads as a list of distinct bugs.
 */
import { isKeywordOf } from "../keywords/registry.js";
import type { Observation } from "../model/finding.js";
import { walkSchemas } from "../schema/check-refs.js";
import type { Dialect } from "../schema/dialect.js";
import type { Json, JsonSchema } from "../schema/json.js";
import type { Standing } from "./majority.js";

/** One disagreement on a random schema, after judging and schema shrinking. */
export interface RandomFinding {
  dialect: Dialect;
  /** The (shrunk) schema, a whole document with `$schema`. */
  schema: JsonSchema;
  /** The (shrunk) instance. */
  instance: Json;
  /** The oracle's verdict: the test's `valid`. */
  valid: boolean;
  /** The adapters leaving the oracle, each with what it said ("cfworker=valid"), sorted. */
  disagreement: string[];
  /** Every witness: each adapter's observation. */
  observations: Record<string, Observation>;
  standing: Standing;
  /** False when the schema is as generated (shrinking found nothing smaller, or no time was left). */
  shrunk: boolean;
  /** The signature of the shrunk finding this one repeats (kept unshrunk as its example). */
  sameAs?: string;
  /** Where it came from: the random target and the run's seed. */
  origin: { target: string; seed: number };
}

export interface BugGroup {
  /** What the examples share: standing, disagreement, keywords. */
  signature: string;
  keywords: string[];
  disagreement: string[];
  standing: Standing;
  dialects: Dialect[];
  /** The examples, smallest schema first. */
  examples: RandomFinding[];
}

/** The keywords the schema uses, each once, sorted (`$schema` left out: every document has it). */
export function keywordSignature(schema: JsonSchema, dialect: Dialect): string[] {
  const seen = new Set<string>();
  const doc = { uri: "https://signature.schema-conform.invalid/", file: "(signature)", dialect, declaresDialect: true, schema };
  walkSchemas(doc, (object, _pointer, d) => {
    for (const key of Object.keys(object)) if (key !== "$schema" && isKeywordOf(key, d)) seen.add(key);
  });
  return [...seen].sort();
}

export function signatureOf(f: RandomFinding): string {
  return `${f.standing} | ${f.disagreement.join(" ")} | ${keywordSignature(f.schema, f.dialect).join(" ")}`;
}

/** Findings with one signature are one group; groups in the order their first finding came. */
export function groupFindings(findings: readonly RandomFinding[]): BugGroup[] {
  const groups = new Map<string, BugGroup>();
  for (const f of findings) {
    const signature = f.sameAs ?? signatureOf(f);
    let group = groups.get(signature);
    if (!group) {
      group = { signature, keywords: keywordSignature(f.schema, f.dialect), disagreement: f.disagreement, standing: f.standing, dialects: [], examples: [] };
      groups.set(signature, group);
    }
    if (!group.dialects.includes(f.dialect)) group.dialects.push(f.dialect);
    group.examples.push(f);
  }
  for (const g of groups.values()) g.examples.sort((a, b) => JSON.stringify(a.schema).length - JSON.stringify(b.schema).length);
  return [...groups.values()];
}
