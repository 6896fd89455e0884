import { DEFAULT_PROBE_MODE, type ProbeMode } from "../../model/probe.js";

/** Knobs of valid generation; the defaults suit fuzzing real API payloads. */
export interface GenerateOptions {
  /** Containers nested deeper than this get only what the schema requires. */
  maxDepth: number;
  /** Array length cap above minItems when maxItems is absent or large. */
  arraySpread: number;
  /** At most this many properties beyond the named ones, where the schema allows them. */
  maxExtraProperties: number;
  /** Consecutive rejected candidates before a filter gives up (never an endless loop). */
  filterBudget: number;
  /** Time building one target's arbitrary, or drawing one payload, may take before generation gives up. */
  targetTimeLimitMs: number;
  /** Strings, arrays and objects the schema forces beyond this size are not attempted. */
  maxForcedSize: number;
  /** Above this many branch combinations, choices are built lazily, when first drawn. */
  eagerChoiceLimit: number;
  /** Fixed-seed candidates tried when a check (a negation) guards a construction; none passing sets it aside. */
  guardProbe: number;
  /** Probes for typed consumers: none, values (width limits, formats' limits), or values and spellings (`-0`, `1.0`, `1e2`). */
  probes: ProbeMode;
}

export const DEFAULT_GENERATE_OPTIONS: GenerateOptions = {
  maxDepth: 4,
  arraySpread: 4,
  maxExtraProperties: 2,
  filterBudget: 2000,
  targetTimeLimitMs: 10_000,
  maxForcedSize: 10_000,
  eagerChoiceLimit: 64,
  guardProbe: 48,
  probes: DEFAULT_PROBE_MODE,
};
