import type { Adapter, Verdict } from "../adapters/adapter.js";
import { classify, collectWitnesses, faultKind, observeVerdict, oracleDisagrees } from "../compare/index.js";
import type { Finding, FindingKind, Observation } from "../model/finding.js";
import type { BreakLabel } from "../model/label.js";
import type { TargetRef } from "../model/target-ref.js";
import { payloadText, type Payload } from "./payload.js";

/** The oracle's name in findings about the payload itself. */
export const ORACLE_NAME = "ajv (oracle)";

/** One payload on which a witness disagrees, before shrinking. */
export interface Disagreement {
  index: number;
  adapter: string;
  kind: FindingKind;
  /** For oracle-disagreement: every adapter's verdict by name. */
  witnesses?: Record<string, Observation>;
  message?: string;
}

/**
 * A payload is judged by three witnesses: its label, the oracle, each adapter (the rule order
 * of compare/classify.ts). When the oracle contradicts the label, the payload is in doubt: one
 * oracle-disagreement names every adapter's verdict, and no adapter is judged on it — except
 * that a fault is still its adapter's finding, since a crash is a defect whatever the right answer.
 */
export function judgePayload(index: number, payload: Payload, oracleValid: boolean, verdicts: Map<Adapter, Verdict>): Disagreement[] {
  if (oracleDisagrees(payload.expected, { valid: oracleValid })) {
    const summary = collectWitnesses(payload.expected, { valid: oracleValid }, [...verdicts].map(([a, verdict]) => ({ adapter: a.name, verdict })));
    const faults = [...verdicts].flatMap(([adapter, verdict]): Disagreement[] => {
      const fault = faultKind(verdict);
      return fault ? [{ index, adapter: adapter.name, kind: fault, message: "errored" in verdict ? verdict.message : undefined }] : [];
    });
    return [{ index, adapter: ORACLE_NAME, kind: "oracle-disagreement", witnesses: summary.observations }, ...faults];
  }
  const out: Disagreement[] = [];
  for (const [adapter, verdict] of verdicts) {
    const kind = kindOf(payload, oracleValid, verdict);
    if (kind) out.push({ index, adapter: adapter.name, kind, message: "errored" in verdict ? verdict.message : undefined });
  }
  return out;
}

/** What one adapter's verdict on a payload amounts to (null: agreement or skipped). */
export function kindOf(payload: Payload, oracleValid: boolean, verdict: Verdict): FindingKind | null {
  return classify({ expected: payload.expected, oracle: { valid: oracleValid }, actual: verdict, formatOnly: payload.label?.keyword === "format" });
}

/** Where a payload came from, for its finding: the target, the label, the replay coordinates. */
export interface FindingSource {
  target: TargetRef;
  label: BreakLabel | null;
  seed: number;
  path: string | null;
  message?: string;
}

/** The finding a disagreement amounts to (DESIGN.md, "Findings"). */
export function makeFinding(d: Disagreement, p: Payload, oracleValid: boolean, actual: Verdict | null, source: FindingSource): Finding {
  return {
    target: source.target,
    adapter: d.adapter,
    kind: d.kind,
    instance: p.instance,
    expected: p.expected,
    oracle: oracleValid ? "valid" : "invalid",
    actual: actual ? observeVerdict(actual) : oracleValid ? "valid" : "invalid",
    keyword: source.label?.keyword ?? null,
    schemaPath: source.label?.schemaPath ?? null,
    instancePath: source.label?.instancePath ?? null,
    seed: source.seed,
    path: source.path,
    ...(source.message ? { message: source.message } : {}),
    ...(d.witnesses ? { witnesses: d.witnesses } : {}),
    ...probeFields(p),
  };
}

/** A finding names the probes of its payload and, when one is spelled otherwise than JSON.stringify writes, the exact text. */
function probeFields(p: Payload): Pick<Finding, "probes" | "text"> {
  if (!p.probes || p.probes.length === 0) return {};
  const text = payloadText(p);
  return { probes: p.probes, ...(text !== undefined ? { text } : {}) };
}
