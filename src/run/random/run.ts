/**
 * `conform fuzz --random-schemas`: random schemas of each dialect (their keywords' `random`
 * facts), checked as users' files are, fuzzed by the one campaign every run uses (valid and
 * invalid instances with their labels, oracle, adapters, instance shrinking), then each
 * disagreement judged by the majority, its schema shrunk, grouped into distinct bugs and
 * written as JSON-Schema-Test-Suite files. Stops on `signal` or after `budgetMs` with what it found.
 */
import type { Adapter } from "../../adapters/adapter.js";
import { groupFindings, type BugGroup, type RandomFinding } from "../../compare/bug-groups.js";
import { saveCase, type CorpusCase } from "../../corpus/index.js";
import { writeBugSuite } from "../../corpus/suite-writer.js";
import type { FindingKind } from "../../model/finding.js";
import type { FormatPolicy } from "../../oracle/format-policy.js";
import { Oracle } from "../../oracle/oracle.js";
import type { RandomSchemaOptions } from "../../generate/schema/random-schema.js";
import type { Dialect } from "../../schema/dialect.js";
import type { JsonSchema } from "../../schema/json.js";
import type { SchemaDocument } from "../../schema/registry.js";
import type { Target } from "../../schema/target.js";
import { listTargets } from "../../schema/targets.js";
import type { ProgressCounts } from "../progress-counts.js";
import { stopAllHarnesses } from "../../adapters/subprocess/harness-process.js";
import { closeAll, createAdapters, formatBlindOf, madeFromSpec } from "../adapter-set.js";
import { runCampaign, type CampaignResult } from "../campaign.js";
import { DEFAULT_CAMPAIGN_OPTIONS } from "../options.js";
import { defaultStages } from "../stages.js";
import { drawRandomSchemas, randomDocument, registryOf, unusableReason, type DropCounts } from "./documents.js";
import { judgeTargetFindings, type SetAside } from "./judge-shrink.js";

export interface RandomSchemasOptions extends RandomSchemaOptions {
  /** Random schemas per dialect. */
  count: number;
  dialects: Dialect[];
  adapters: Array<string | Adapter>;
  /** Instances per schema (half valid, half invalid). */
  runs: number;
  seed: number;
  formats?: FormatPolicy;
  timeoutMs?: number;
  /** Writes each distinct bug as suite files under `<out>/tests/<dialect folder>/`. */
  out?: string;
  /** Saves each confirmed bug's smallest example as a corpus case. */
  corpus?: string;
  /** Stops the run (Ctrl-C): what was found is kept and written. */
  signal?: AbortSignal;
  /** Stops the run after this long, ms (the lead's `--duration`). */
  budgetMs?: number;
  maxShrinkChecks?: number;
  onTarget?: (done: number, total: number, targetId: string, sofar?: ProgressCounts) => void;
}

export interface RandomSchemasOutcome extends CampaignResult {
  adapters: Adapter[];
  generated: number;
  dropped: DropCounts;
  setAside: SetAside;
  findings: RandomFinding[];
  groups: BugGroup[];
  suiteFiles: string[];
  corpusSaved: number;
}

export async function runRandomSchemas(options: RandomSchemasOptions): Promise<RandomSchemasOutcome> {
  const formats = options.formats ?? "assert";
  const timeoutMs = options.timeoutMs ?? DEFAULT_CAMPAIGN_OPTIONS.timeoutMs;
  const signal = stopSignalOf(options);
  const plan = planRandomSchemas(options, formats);
  const adapters = await createAdapters(options.adapters, timeoutMs, formats);
  const findings: RandomFinding[] = [];
  const setAside: SetAside = {};
  let result: CampaignResult;
  try {
    const judge = { formats, timeoutMs, seed: options.seed, maxShrinkChecks: options.maxShrinkChecks, stopped: () => signal.aborted };
    const onTargetDone = async (target: Target, _summary: unknown, found: Parameters<typeof judgeTargetFindings>[1]) => {
      findings.push(...(await judgeTargetFindings(target, found, adapters, findings, judge, setAside)));
    };
    // Fewer, shorter instance shrinks than a user's schema gets: the schema shrink that follows is the costly step.
    const campaign = { ...DEFAULT_CAMPAIGN_OPTIONS, maxShrinksPerTarget: 2, shrinkTimeMs: 5_000, runs: options.runs, seed: options.seed, formats, timeoutMs, formatBlind: formatBlindOf(timeoutMs), signal, onTarget: options.onTarget, onTargetDone };
    result = await runCampaign(plan.targets, plan.registry, adapters, campaign, defaultStages());
  } finally {
    // As run/fuzz.ts: a stopped run kills every harness at once (one restarting after a crash would hold the exit).
    if (signal.aborted) stopAllHarnesses();
    await closeAll(adapters.filter(madeFromSpec));
  }
  const groups = groupFindings(findings);
  const suiteFiles = options.out === undefined ? [] : await writeBugSuite(options.out, groups);
  const corpusSaved = options.corpus === undefined ? 0 : await saveBugs(options.corpus, groups);
  return { ...result, adapters, generated: plan.generated, dropped: plan.dropped, setAside, findings, groups, suiteFiles, corpusSaved };
}

interface RandomPlan {
  registry: ReturnType<typeof registryOf>;
  targets: Target[];
  generated: number;
  dropped: DropCounts;
}

/** Draws the schemas of every dialect (seed + dialect index: adding a dialect does not change another's), keeps the usable ones. */
export function planRandomSchemas(options: Pick<RandomSchemasOptions, "count" | "dialects" | "seed" | "maxDepth" | "maxKeywords">, formats: FormatPolicy): RandomPlan {
  const perDialect = options.dialects.map((dialect, d) => drawRandomSchemas(dialect, options.count, options.seed + d, options).map((schema, i) => randomDocument(schema as JsonSchema, dialect, String(i))));
  // Dialects take turns, so a run stopped early (budget, Ctrl-C) has fuzzed each of them.
  const docs: SchemaDocument[] = perDialect[0]!.flatMap((_, i) => perDialect.map((docsOf) => docsOf[i]!));
  const registry = registryOf(docs);
  const oracle = new Oracle(registry, formats);
  const dropped: DropCounts = {};
  const kept = docs.filter((doc) => {
    const reason = unusableReason(doc, registry, formats, oracle);
    if (reason !== undefined) dropped[reason] = (dropped[reason] ?? 0) + 1;
    return reason === undefined;
  });
  return { registry, targets: listTargets(kept, registry, { definitions: false }), generated: docs.length, dropped };
}

/** The user's signal and the budget's, as one. */
function stopSignalOf(options: Pick<RandomSchemasOptions, "signal" | "budgetMs">): AbortSignal {
  const signals = [options.signal, options.budgetMs === undefined ? undefined : AbortSignal.timeout(options.budgetMs)].filter((s): s is AbortSignal => s !== undefined);
  return signals.length === 0 ? new AbortController().signal : AbortSignal.any(signals);
}

/** One corpus case per confirmed bug and disagreeing adapter: the bug's smallest example. */
async function saveBugs(dir: string, groups: readonly BugGroup[]): Promise<number> {
  let saved = 0;
  for (const group of groups.filter((g) => g.standing === "confirmed")) {
    const e = group.examples[0]!;
    for (const entry of group.disagreement) {
      const at = entry.lastIndexOf("=");
      const [adapter, observation] = [entry.slice(0, at), entry.slice(at + 1)];
      const c: CorpusCase = {
        description: `random schema: ${group.keywords.join(", ")}`, dialect: e.dialect, schema: e.schema,
        tests: [{ description: `${adapter} says ${observation}`, data: e.instance, valid: e.valid }],
        found: { adapter, kind: kindOf(e.valid, observation), keyword: null, seed: e.origin.seed },
      };
      if ((await saveCase(dir, c)).added) saved++;
    }
  }
  return saved;
}

function kindOf(valid: boolean, observation: string): FindingKind {
  if (observation === "error") return "adapter-error";
  if (observation === "timeout") return "adapter-timeout";
  return valid ? "false-reject" : "false-accept";
}
