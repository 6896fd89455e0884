import type { Finding } from "../model/finding.js";
import type { Dialect } from "../schema/dialect.js";
import { targetLabel } from "../report/labels.js";
import type { CorpusCase, SchemaSource } from "./case.js";

/**
 * The corpus case of a finding. `valid` is the label by construction, which the oracle
 * confirmed for every kind but oracle-disagreement (there the label is kept as the
 * claim under test). The caller decides embed-or-reference: a whole-file target with no
 * outside `$ref`s embeds its schema; a bundle definition names file and pointer.
 */
export function caseFromFinding(finding: Finding, source: SchemaSource, dialect?: Dialect): CorpusCase {
  const broken = finding.keyword === null ? "a valid payload" : `breaking ${finding.keyword}`;
  const found = {
    adapter: finding.adapter,
    kind: finding.kind,
    keyword: finding.keyword,
    seed: finding.seed,
    schemaPath: finding.schemaPath,
    instancePath: finding.instancePath,
    path: finding.path,
  };
  return {
    description: `${finding.kind} by ${finding.adapter} on ${targetLabel(finding.target)}`,
    ...(dialect === undefined ? {} : { dialect }),
    ...source,
    tests: [{ description: `shrunk counterexample, ${broken}`, data: finding.instance, valid: finding.expected === "valid", ...(finding.probes ? { probes: finding.probes } : {}) }],
    found,
  };
}
