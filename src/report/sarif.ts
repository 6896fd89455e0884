import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, FindingKind } from "../model/finding.js";
import type { RunReport } from "../model/report.js";
import { JsonPositions } from "./json-positions.js";
import { KIND_MEANING } from "./labels.js";

/**
 * SARIF 2.1.0 (`--report sarif:PATH`), as GitHub code scanning reads it: one rule per finding
 * kind, one result per finding, located at the schema keyword the payload broke (the target's
 * pointer plus the label's schema path) by line and column of the schema file, so the alert
 * shows on that line. Files under the working directory are named relative to it (%SRCROOT%).
 */
export function renderSarif(report: RunReport): string {
  const positions = new PositionCache();
  const kinds = [...new Set(report.findings.map((f) => f.kind))].sort();
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "schema-conform", version: report.tool.version, informationUri: "https://github.com/json-schema-org/JSON-Schema-Test-Suite", rules: kinds.map(ruleOf) } },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(process.cwd() + path.sep).href } },
      results: report.findings.map((f) => resultOf(f, kinds.indexOf(f.kind), positions)),
      properties: { command: report.command, seed: report.seed, formatPolicy: report.formatPolicy },
    }],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

const LEVEL: Record<FindingKind, "error" | "warning" | "note"> = {
  "false-accept": "error",
  "false-reject": "error",
  "oracle-disagreement": "warning",
  "format-difference": "note",
  "adapter-error": "warning",
  "adapter-timeout": "warning",
  "protocol-error": "warning",
};

function ruleOf(kind: FindingKind): object {
  const meaning = KIND_MEANING[kind] ?? kind;
  return { id: kind, name: kind.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()), shortDescription: { text: meaning }, defaultConfiguration: { level: LEVEL[kind] } };
}

function resultOf(f: Finding, ruleIndex: number, positions: PositionCache): object {
  const pointer = f.target.pointer + (f.schemaPath ?? "");
  const { line, column } = positions.of(f.target.file, pointer);
  const instance = JSON.stringify(f.instance) ?? String(f.instance);
  const text = `${f.adapter}: ${f.kind}${f.keyword ? ` (${f.keyword})` : ""}: expected ${f.expected}, the adapter said ${f.actual}, for ${instance.length > 200 ? instance.slice(0, 200) + "…" : instance}${f.message ? ` — ${f.message}` : ""}`;
  return {
    ruleId: f.kind,
    ruleIndex,
    level: LEVEL[f.kind],
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: artifactOf(f.target.file), region: { startLine: line, startColumn: column } }, logicalLocations: [{ fullyQualifiedName: `${f.target.file}#${pointer}`, kind: "object" }] }],
    partialFingerprints: { findingKey: `${f.adapter}/${f.kind}/${f.target.pointer}/${f.schemaPath ?? ""}/${f.instancePath ?? ""}` },
    properties: { adapter: f.adapter, instance: f.instance, instancePath: f.instancePath, seed: f.seed, path: f.path },
  };
}

/** A file under the working directory relative to %SRCROOT% (what code scanning matches to the repository); any other as a file: URI. */
function artifactOf(file: string): object {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file)) return { uri: file };
  const relative = path.relative(process.cwd(), path.resolve(file));
  if (relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)) return { uri: relative.split(path.sep).join("/"), uriBaseId: "SRCROOT" };
  return { uri: pathToFileURL(path.resolve(file)).href };
}

/** Each schema file's positions, read once; a file that cannot be read (a remote URI) points at its first line. */
class PositionCache {
  private readonly files = new Map<string, JsonPositions | undefined>();

  of(file: string, pointer: string): { line: number; column: number } {
    if (!this.files.has(file)) this.files.set(file, readPositions(file));
    return this.files.get(file)?.nearest(pointer) ?? { line: 1, column: 1 };
  }
}

function readPositions(file: string): JsonPositions | undefined {
  try {
    return new JsonPositions(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
}
