import type { ProgressCounts } from "./progress-counts.js";
import type { FormatPolicy } from "../oracle/format-policy.js";
import type { ProbeMode } from "../model/probe.js";
import type { GenerateOptions } from "../generate/valid/options.js";

/** One campaign's settings (the CLI's flags, or the library caller's). */
export interface CampaignOptions {
  /** Payloads per target (half valid, half invalid where invalid ones can be built). */
  runs: number;
  seed: number;
  formats: FormatPolicy;
  /** Probes for typed consumers in valid payloads (`--probes`); default DEFAULT_PROBE_MODE. */
  probes?: ProbeMode;
  /** At most this many disagreements shrunk per target and adapter; the rest are counted. */
  maxShrinksPerTarget: number;
  /** Time limit of the oracle on one payload, ms (a runaway regex becomes an adapter-timeout finding). */
  timeoutMs: number;
  /** Time allowed to shrink one counterexample, ms. */
  shrinkTimeMs: number;
  /** Makes a copy of an adapter that asserts no format (to tell format-only disagreements apart). */
  formatBlind?: (adapter: import("../adapters/adapter.js").Adapter) => Promise<import("../adapters/adapter.js").Adapter | undefined>;
  /** Generation knobs over the defaults (payload size, fill). */
  generate?: Partial<GenerateOptions>;
  /** A time budget shared by the targets (ms): rounds go on until it is spent (see budget.ts). */
  budgetMs?: number;
  /** With a budget: no cap on payloads per target (`runs` not given); else `runs` caps them. */
  runsUnlimited?: boolean;
  /** Called after each target, for progress output. */
  onTarget?: (done: number, total: number, targetId: string, sofar?: ProgressCounts) => void;
}

export const DEFAULT_CAMPAIGN_OPTIONS: Omit<CampaignOptions, "seed"> = {
  runs: 100,
  formats: "assert",
  maxShrinksPerTarget: 5,
  timeoutMs: 10_000,
  shrinkTimeMs: 10_000,
};
