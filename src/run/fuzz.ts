/**
 * The one way a fuzzing campaign is built and run, for the library's `fuzz()`, `conform fuzz`
 * and the mocha helper alike: load and check the schemas (a bad file among good ones is a
 * target in error, the others run), list the targets, start the adapters (with their
 * format-blind twins), run the campaign, save findings to the corpus, add the load problems
 * to the report. Callers only present the outcome.
 */
import { DEFAULT_PROBE_MODE, type ProbeMode } from "../model/probe.js";
import type { ProgressCounts } from "./progress-counts.js";
import type { Adapter } from "../adapters/adapter.js";
import type { ServiceOptions } from "../adapters/service/options.js";
import { stopAllHarnesses } from "../adapters/subprocess/harness-process.js";
import type { FormatPolicy } from "../oracle/format-policy.js";
import { payloadShape, type PayloadSize } from "../generate/valid/options.js";
import { setAsideBadTargets } from "../schema/bad-targets.js";
import type { Dialect } from "../schema/dialect.js";
import type { InputError, InputWarning } from "../schema/errors.js";
import type { Loaded, RemoteMapping } from "../schema/load.js";
import type { Target } from "../schema/target.js";
import { listTargets } from "../schema/targets.js";
import { closeAll, createAdapters, formatBlindOf, madeFromSpec } from "./adapter-set.js";
import { runCampaign, runCampaignWith, type CampaignHooks, type CampaignResult } from "./campaign.js";
import { JobPool } from "./jobs/pool.js";
import os from "node:os";
import { CorpusWriter } from "./corpus-findings.js";
import type { Finding } from "../model/finding.js";
import { dialectNamed, loadCheckedInputs } from "./inputs.js";
import { loadProblemSummaries, withLoadProblems } from "./load-problems.js";
import { DEFAULT_CAMPAIGN_OPTIONS, type CampaignOptions } from "./options.js";
import type { TargetSummary } from "../model/report.js";
import { targetsOfShard, type Shard } from "./shard.js";
import { defaultStages } from "./stages.js";
import { useUserModules, type UserModules } from "./user-modules.js";

export interface FuzzOptions extends UserModules {
  /** Schema files or folders (every *.json below, recursively). */
  schemas: string[];
  /** Adapter spec strings ("ajv", "exec:...", "module:...") or Adapter objects (closed by their caller); default ["ajv"]. */
  adapters?: Array<string | Adapter>;
  /** Every entry of definitions/$defs is its own target. */
  definitions?: boolean;
  /** Payloads per target; default 100. */
  runs?: number;
  /** Default: a random seed (it is in the report). */
  seed?: number;
  /** Default "assert". */
  formats?: FormatPolicy;
  /** Probes for typed consumers in valid payloads: "none", "typed" (default: width and format limits), "all" (also spellings: -0, 1.0, 1e2, 2^53+1). */
  probes?: ProbeMode;
  remotes?: RemoteMapping[];
  /** Dialect of schemas without $schema; default "2020-12". */
  defaultDialect?: Dialect | string;
  /** Adapter time limit per request, ms; default 10000. */
  timeoutMs?: number;
  /** Saves each new shrunk counterexample to this folder (JSON-Schema-Test-Suite format). */
  corpus?: string;
  /** When aborted, the target running is abandoned and the report holds what was found (`interrupted: true`). */
  signal?: AbortSignal;
  /** Only this share of the targets (run/shard.ts: balanced by expected cost); `conform merge` joins the shards' reports. */
  shard?: Shard;
  /** Options of http: and jsonrpc: adapters (parseServiceFlags reads them from the CLI's text). */
  services?: ServiceOptions;
  /** A time budget shared by the targets, ms (`conform fuzz --duration`); with `runs` too, whichever ends first. */
  budgetMs?: number;
  /** Worker threads the targets are spread over; default: the number of cores (results do not depend on it). */
  jobs?: number;
  /** Payload size (fast-check's scale); default "medium". */
  size?: PayloadSize;
  /** The bias knob, 0..1: share of optional properties present and how far array lengths lean to their longest. */
  fill?: number;
}

/** What the caller hears while the campaign is built and run (the CLI prints them). */
export interface FuzzHooks {
  /** The input warnings, once, after loading. */
  onWarnings?: (warnings: InputWarning[]) => void;
  /** The adapters are running and the first target is next; `seed` is the run's seed. */
  onCampaignStart?: (seed: number) => void;
  /** After each target, for progress output. */
  onTarget?: (done: number, total: number, targetId: string, sofar?: ProgressCounts) => void;
}

/** The inputs of a campaign, known before it runs: the targets to fuzz, and the load problems that are targets of the report too. */
export interface FuzzPlan {
  loaded: Loaded;
  targets: Target[];
  bad: Array<{ target: Target; error: InputError }>;
  /** The report's targets in error or skipped because of bad or unsupported input. */
  problems: TargetSummary[];
}

export interface FuzzOutcome extends CampaignResult {
  /** The adapters of the run (closed by now), an UnstartedAdapter for each one that could not start. */
  adapters: Adapter[];
  /** New corpus cases saved, when `corpus` was given. */
  corpusSaved?: number;
}

/** Loads and checks the inputs and lists the targets. Throws the first InputError when no document is free of bad input. */
export function planFuzz(options: FuzzOptions, hooks: FuzzHooks = {}): FuzzPlan {
  const loaded = loadCheckedInputs(options.schemas, {
    defaultDialect: dialectNamed(options.defaultDialect ?? "2020-12"),
    remotes: options.remotes ?? [],
    onWarnings: hooks.onWarnings,
  });
  const listed = listTargets(loaded.documents, loaded.registry, { definitions: options.definitions === true });
  const { targets, bad } = setAsideBadTargets(options.shard ? targetsOfShard(listed, options.shard) : listed, loaded.errors);
  // Whole files that could not be loaded have no target to shard: the first shard reports them.
  const reportsFiles = !options.shard || options.shard.index === 1;
  const problems = loadProblemSummaries(reportsFiles ? loaded : { ...loaded, errors: [], skipped: [] }, bad);
  return { loaded, targets, bad, problems };
}

/** Builds and runs the campaign of `plan` (planned from `options` when not given); the adapters it made are closed before it resolves. */
export async function runFuzz(options: FuzzOptions, hooks: FuzzHooks = {}, plan: FuzzPlan = planFuzz(options, hooks)): Promise<FuzzOutcome> {
  await useUserModules(options);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const corpus = options.corpus === undefined ? undefined : new CorpusWriter(options.corpus);
  const campaign = campaignOptions(options, hooks, seed, corpus);
  const jobs = jobsOf(options, plan.targets.length);
  const { result, adapters } = jobs > 1 ? await runOnWorkers(plan, options, hooks, campaign, jobs) : await runInThisThread(plan, options, hooks, campaign);
  return { ...withLoadProblems(result, plan.loaded, plan.problems), ...(result.time ? { time: result.time } : {}), adapters, ...(corpus ? { corpusSaved: corpus.savedCount() } : {}) };
}

type Campaign = CampaignOptions & CampaignHooks;

function campaignOptions(options: FuzzOptions, hooks: FuzzHooks, seed: number, corpus: CorpusWriter | undefined): Campaign {
  const formats = options.formats ?? DEFAULT_CAMPAIGN_OPTIONS.formats;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CAMPAIGN_OPTIONS.timeoutMs;
  return {
    ...DEFAULT_CAMPAIGN_OPTIONS, runs: options.runs ?? DEFAULT_CAMPAIGN_OPTIONS.runs, seed, formats, timeoutMs, formatBlind: formatBlindOf(timeoutMs),
    onTarget: hooks.onTarget, signal: options.signal, budgetMs: options.budgetMs, runsUnlimited: options.budgetMs !== undefined && options.runs === undefined,
    generate: payloadShape(options.size, options.fill), probes: options.probes ?? DEFAULT_PROBE_MODE,
    onTargetDone: corpus ? (target: Target, _s: unknown, findings: Finding[]) => corpus.save(target, findings) : undefined,
  };
}

/**
 * Worker threads to use: `jobs` (default: the cores), at most one per target, and one (this
 * thread) when an adapter is an object a caller made (it cannot be sent to a worker).
 */
function jobsOf(options: FuzzOptions, targets: number): number {
  if ((options.adapters ?? []).some((a) => typeof a !== "string")) return 1;
  return Math.max(1, Math.min(options.jobs ?? os.availableParallelism(), targets));
}

async function runInThisThread(plan: FuzzPlan, options: FuzzOptions, hooks: FuzzHooks, campaign: Campaign): Promise<{ result: CampaignResult; adapters: Adapter[] }> {
  const adapters = await createAdapters(options.adapters ?? [], campaign.timeoutMs, campaign.formats, options.services);
  try {
    hooks.onCampaignStart?.(campaign.seed);
    return { result: await runCampaign(plan.targets, plan.loaded.registry, adapters, campaign, defaultStages()), adapters };
  } finally {
    if (options.signal?.aborted) stopAllHarnesses();
    await closeAll(adapters.filter(madeFromSpec));
  }
}

/** The campaign's rounds in `jobs` worker threads (run/jobs/): each plans the same targets and starts its own adapters. */
async function runOnWorkers(plan: FuzzPlan, options: FuzzOptions, hooks: FuzzHooks, campaign: Campaign, jobs: number): Promise<{ result: CampaignResult; adapters: Adapter[] }> {
  const { adapters: specs = [], signal: _signal, corpus: _corpus, budgetMs: _budget, ...rest } = options;
  const pool = await JobPool.start(jobs, { ...rest, adapters: specs as string[], seed: campaign.seed });
  try {
    hooks.onCampaignStart?.(campaign.seed);
    return { result: await runCampaignWith(plan.targets, pool.executors, campaign, { adapters: pool.adapters, tallies: () => pool.tallies() }), adapters: pool.adapters };
  } finally {
    if (options.signal?.aborted) pool.stop();
    await pool.close();
  }
}
