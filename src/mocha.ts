/**
 * A mocha helper: `conformanceSuite({...})` registers one test per target; the campaign
 * runs once (in `before`), exactly as `fuzz()` and `conform fuzz` run it (src/run/fuzz.ts),
 * and each target's test fails with that target's findings (shrunk payloads, seeds and
 * paths to replay them) or its error.
 *
 *   import { conformanceSuite } from "schema-conform/mocha";
 *   conformanceSuite({ schemas: ["schema/user.json"], adapters: ["module:./test/parser-adapter.ts"] });
 */
import type { FuzzOptions } from "./run/fuzz.js";
import { planFuzz, runFuzz } from "./run/fuzz.js";
import type { Finding } from "./model/finding.js";
import type { RunReport } from "./model/report.js";

export interface ConformanceSuiteOptions extends FuzzOptions {
  /** The describe() title. */
  title?: string;
  /** Time limit of the whole campaign, ms (default 120000). */
  campaignTimeoutMs?: number;
  /** Hears the campaign's report once it is done (e.g. to write it to a file). */
  onReport?: (report: RunReport) => void;
}

export function conformanceSuite(options: ConformanceSuiteOptions): void {
  const fuzzOptions: FuzzOptions = { ...options, seed: options.seed ?? 1 };
  const plan = planFuzz(fuzzOptions);
  const tests = [...plan.targets.map((t) => ({ id: t.id, uri: t.uri })), ...plan.problems.map((p) => ({ id: idOf(p.target), uri: p.target.uri }))];
  describe(options.title ?? `conformance: ${options.schemas.join(", ")}`, function () {
    let report: RunReport | undefined;
    before(async function () {
      this.timeout(options.campaignTimeoutMs ?? 120_000);
      report = (await runFuzz(fuzzOptions, {}, plan)).report;
      options.onReport?.(report);
    });
    for (const test of tests) {
      it(`${test.id} agrees with its schema`, function () {
        const summary = report!.targets.find((t) => t.target.uri === test.uri);
        if (summary?.status === "error") throw new Error(summary.message?.startsWith(test.id) ? summary.message : `${test.id}: ${summary.message}`);
        const mine = report!.findings.filter((f) => f.target.uri === test.uri);
        if (mine.length > 0) throw new Error(describeFindings(mine));
      });
    }
  });
}

function idOf(target: { file: string; pointer: string }): string {
  return target.pointer === "" ? target.file : `${target.file}#${target.pointer}`;
}

function describeFindings(findings: Finding[]): string {
  return findings
    .map((f) => `${f.kind} by ${f.adapter}: ${JSON.stringify(f.instance)} (expected ${f.expected}${f.keyword ? `, breaks ${f.keyword} at ${f.schemaPath}` : ""}; seed ${f.seed}, path ${f.path})`)
    .join("\n");
}
