/**
 * A mocha helper: `conformanceSuite({...})` registers one test per target; the campaign
 * runs once (in `before`), and each target's test fails with that target's findings
 * (shrunk payloads, seeds and paths to replay them).
 *
 *   import { conformanceSuite } from "schema-conform/mocha";
 *   conformanceSuite({ schemas: ["schema/user.json"], adapters: ["module:./test/parser-adapter.ts"] });
 */
import { fuzz, type FuzzOptions } from "./index.js";
import type { Finding } from "./model/finding.js";
import type { RunReport } from "./model/report.js";
import { dialectFromName } from "./schema/dialect.js";
import { loadInputs } from "./schema/load.js";
import { listTargets } from "./schema/targets.js";

export interface ConformanceSuiteOptions extends FuzzOptions {
  /** The describe() title. */
  title?: string;
  /** Time limit of the whole campaign, ms (default 120000). */
  campaignTimeoutMs?: number;
}

export function conformanceSuite(options: ConformanceSuiteOptions): void {
  const { registry, documents } = loadInputs(options.schemas, { defaultDialect: dialectFromName(String(options.defaultDialect ?? "2020-12")) ?? "2020-12", remotes: options.remotes });
  const targets = listTargets(documents, registry, { definitions: options.definitions === true });
  describe(options.title ?? `conformance: ${options.schemas.join(", ")}`, function () {
    let report: RunReport | undefined;
    before(async function () {
      this.timeout(options.campaignTimeoutMs ?? 120_000);
      report = await fuzz({ ...options, seed: options.seed ?? 1 });
    });
    for (const target of targets) {
      it(`${target.id} agrees with its schema`, function () {
        const summary = report!.targets.find((t) => t.target.uri === target.uri);
        if (summary?.status === "error") throw new Error(`${target.id}: ${summary.message}`);
        const mine = report!.findings.filter((f) => f.target.uri === target.uri);
        if (mine.length > 0) throw new Error(describeFindings(mine));
      });
    }
  });
}

function describeFindings(findings: Finding[]): string {
  return findings
    .map((f) => `${f.kind} by ${f.adapter}: ${JSON.stringify(f.instance)} (expected ${f.expected}${f.keyword ? `, breaks ${f.keyword} at ${f.schemaPath}` : ""}; seed ${f.seed}, path ${f.path})`)
    .join("\n");
}
