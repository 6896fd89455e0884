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
}

export const DEFAULT_GENERATE_OPTIONS: GenerateOptions = {
  maxDepth: 4,
  arraySpread: 4,
  maxExtraProperties: 2,
  filterBudget: 2000,
};
