import type { Verdict } from "../adapters/adapter.js";
import type { RunReport } from "../model/report.js";

/**
 * Bowtie's report format (its schemas/report.json): NDJSON, a header line naming the
 * implementations and the dialect, then for each case a line with the case (schema and tests)
 * and one line per implementation with its results, then a footer; so Bowtie's `summary` and
 * web viewer read a `conform suite` run (`--report bowtie:PATH`). Only `conform suite` writes it:
 * a case here is an official suite group, and the results are each adapter's per-test verdicts.
 */
export interface BowtieTest {
  description: string;
  instance: unknown;
  valid: boolean;
}

interface RecordedCase {
  description: string;
  schema: unknown;
  tests: BowtieTest[];
  results: Map<string, readonly Verdict[]>;
}

/** What Bowtie's implementation metadata needs, known for the built-in adapters. */
interface ImplementationFacts {
  id: string;
  name: string;
  language: string;
  homepage: string;
  source: string;
}

const github = (repo: string, homepage?: string) => ({ homepage: homepage ?? `https://github.com/${repo}`, source: `https://github.com/${repo}` });

const BUILT_IN: Record<string, ImplementationFacts> = {
  ajv: { id: "js-ajv", name: "ajv", language: "javascript", ...github("ajv-validator/ajv", "https://ajv.js.org/") },
  hyperjump: { id: "js-hyperjump", name: "hyperjump-json-schema", language: "javascript", ...github("hyperjump-io/json-schema", "https://json-schema.hyperjump.io/") },
  cfworker: { id: "js-cfworker-json-schema", name: "cfworker-json-schema", language: "javascript", ...github("cfworker/cfworker") },
  schemasafe: { id: "js-schemasafe", name: "schemasafe", language: "javascript", ...github("ExodusMovement/schemasafe") },
  "z-schema": { id: "js-z-schema", name: "z-schema", language: "javascript", ...github("zaggino/z-schema") },
  jsonschema: { id: "js-jsonschema", name: "jsonschema", language: "javascript", ...github("tdegrise/jsonschema") },
  "python-jsonschema": { id: "python-jsonschema", name: "jsonschema", language: "python", ...github("python-jsonschema/jsonschema", "https://python-jsonschema.readthedocs.io/") },
  "python-jsonschema-rs": { id: "python-jsonschema-rs", name: "jsonschema-rs", language: "python", ...github("Stranger6667/jsonschema") },
  "python-fastjsonschema": { id: "python-fastjsonschema", name: "fastjsonschema", language: "python", ...github("horejsek/python-fastjsonschema", "https://horejsek.github.io/python-fastjsonschema/") },
};

/** Facts for any adapter: a built-in's own, or for exec:/module: adapters an id made of its name and a URN for the links Bowtie requires. */
export function implementationFacts(adapter: string): ImplementationFacts {
  const known = BUILT_IN[adapter];
  if (known) return known;
  const slug = adapter.replace(/[^A-Za-z0-9.-]+/g, "-").replace(/^[^A-Za-z]+|[^A-Za-z0-9]+$/g, "") || "adapter";
  const urn = `urn:schema-conform:adapter:${encodeURIComponent(adapter)}`;
  return { id: `conform-${slug}`, name: slug, language: "unknown", homepage: urn, source: urn };
}

/** Collects cases and verdicts as the suite runs, and renders them as Bowtie's report. */
export class BowtieRecorder {
  private readonly cases: RecordedCase[] = [];

  /** `claimsDialect(adapter)`: as in the compliance table, a skip by an adapter claiming the dialect is reported errored. */
  constructor(
    private readonly dialectUri: string,
    private readonly claimsDialect: (adapter: string) => boolean,
  ) {}

  record(description: string, schema: unknown, tests: BowtieTest[], verdicts: ReadonlyMap<string, readonly Verdict[]>): void {
    this.cases.push({ description, schema, tests, results: new Map(verdicts) });
  }

  render(report: Pick<RunReport, "startedAt" | "tool" | "adapters">): string {
    const lines: unknown[] = [this.header(report)];
    this.cases.forEach((c, seq) => {
      lines.push({ seq, case: { description: c.description, schema: c.schema, tests: c.tests } });
      const expected = c.tests.map((t) => t.valid);
      for (const [adapter, verdicts] of c.results) lines.push({ seq, implementation: implementationFacts(adapter).id, expected, ...resultsOf(verdicts, this.claimsDialect(adapter)) });
    });
    lines.push({ did_fail_fast: false });
    return lines.map((l) => JSON.stringify(l)).join("\n") + "\n";
  }

  private header(report: Pick<RunReport, "startedAt" | "tool" | "adapters">): unknown {
    const implementations: Record<string, unknown> = {};
    for (const a of report.adapters) {
      const { id, name, language, homepage, source } = implementationFacts(a.name);
      implementations[id] = { name, language, homepage, source, issues: source.startsWith("https://github.com/") ? `${source}/issues` : source, dialects: a.dialects, ...(a.version ? { version: a.version } : {}) };
    }
    return { bowtie_version: `schema-conform ${report.tool.version}`, implementations, started: report.startedAt, dialect: this.dialectUri, metadata: { tool: "schema-conform" } };
  }
}

/** One adapter's answer to a case: per-test results, or the whole case errored (it could not compile the schema) or skipped. */
function resultsOf(verdicts: readonly Verdict[], claimsDialect: boolean): Record<string, unknown> {
  const answers = verdicts.map((v) => answerOf(v, claimsDialect));
  const first = JSON.stringify(answers[0]);
  if (answers.length > 0 && !("valid" in answers[0]!) && answers.every((a) => JSON.stringify(a) === first)) return "errored" in answers[0]! ? { ...answers[0], caught: true } : answers[0]!;
  return { results: answers };
}

function answerOf(v: Verdict, claimsDialect: boolean): Record<string, unknown> {
  if ("valid" in v) return { valid: v.valid };
  if ("skipped" in v && !claimsDialect) return { skipped: true, ...(v.message ? { message: v.message } : {}) };
  return { errored: true, context: { message: v.message ?? "no verdict" } };
}
