import type { Finding, FindingKind } from "../model/finding.js";
import type { TargetRef } from "../model/target-ref.js";

/** How a target is named to a reader: "file" or "file#/definitions/X" (as Target.id). */
export function targetLabel(target: TargetRef): string {
  return target.pointer === "" ? target.file : `${target.file}#${target.pointer}`;
}

/** Milliseconds as a reader wants them: "850 ms", "12.3 s", "4 min 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/** A share 0..1 as a whole percentage. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** One sentence per kind, for readers who do not know the vocabulary. */
export const KIND_MEANING: Record<FindingKind, string> = {
  "false-accept": "the adapter accepts an instance that the schema rejects",
  "false-reject": "the adapter rejects an instance that the schema accepts",
  "format-difference": "the adapter and ajv differ only on a format keyword",
  "oracle-disagreement": "ajv contradicts the label by construction (a generator bug or an ajv bug)",
  "adapter-error": "the adapter raised an error instead of a verdict",
  "adapter-timeout": "the adapter gave no answer in time",
  "protocol-error": "the harness broke the protocol",
};

/** The instance as compact JSON; a value JSON cannot hold is named rather than lost. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value) ?? `(not JSON: ${typeof value})`;
}

/** The instance as indented JSON, for blocks. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? `(not JSON: ${typeof value})`;
}

/** What was broken, where: "minLength at /properties/a/minLength, instance /a". Empty for valid payloads. */
export function breakDescription(finding: Finding): string {
  if (finding.keyword === null) return "";
  const parts = [finding.keyword];
  if (finding.schemaPath !== null) parts.push(`at ${finding.schemaPath || "(root)"}`);
  if (finding.instancePath !== null) parts.push(`instance ${finding.instancePath || "(root)"}`);
  return parts.join(" ");
}

/**
 * The verdicts side by side: "expected invalid, oracle invalid, adapter valid". An
 * oracle-disagreement is the oracle's own finding: its adapters are in the witnesses.
 */
export function verdictLine(finding: Finding): string {
  const labelAndOracle = `expected ${finding.expected}, oracle ${finding.oracle}`;
  return finding.kind === "oracle-disagreement" ? labelAndOracle : `${labelAndOracle}, ${finding.adapter} ${finding.actual}`;
}

/** How to replay: "seed 42, path \"3:1\"". */
export function replayLine(finding: Finding): string {
  return finding.path === null ? `seed ${finding.seed}` : `seed ${finding.seed}, path "${finding.path}"`;
}

/** The probes of a valid payload: "probes: uint32 max+1 at /size, -0 at /mode". Empty when it holds none. */
export function probeLine(finding: Finding): string {
  if (!finding.probes || finding.probes.length === 0) return "";
  return `probes: ${finding.probes.map((m) => `${m.probe} at ${m.instancePath || "(root)"}`).join(", ")}`;
}

/** The instance as sent to text-speaking adapters: its exact text when a probe is spelled otherwise, else compact JSON. */
export function instanceText(finding: Finding): string {
  return finding.text ?? compactJson(finding.instance);
}

/** Witnesses of an oracle-disagreement: "label invalid, oracle valid, jsonschema valid". */
export function witnessLine(finding: Finding): string {
  if (finding.witnesses === undefined) return "";
  return Object.entries(finding.witnesses)
    .map(([name, observed]) => `${name} ${observed}`)
    .join(", ");
}
