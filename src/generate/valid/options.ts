import { DEFAULT_PROBE_MODE, type ProbeMode } from "../../model/probe.js";

/** Knobs of valid generation; the defaults suit fuzzing real API payloads. */
export interface GenerateOptions {
  /** Containers nested deeper than this get only what the schema requires. */
  maxDepth: number;
  /** Array length cap above minItems when maxItems is absent or large. */
  arraySpread: number;
  /** At most this many properties beyond the named ones, where the schema allows them. */
  maxExtraProperties: number;
  /** Code points free text may have beyond its minLength (where maxLength allows). */
  textSpread: number;
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
  /** Optional keys present per object on average (each at most one time in two, at least one in 64). */
  optionalKeys: number;
  /** The bias knob (0..1): when set, each optional key is present with this probability and arrays take at least this share of their spread. */
  fill?: number;
}

export const DEFAULT_GENERATE_OPTIONS: GenerateOptions = {
  maxDepth: 4,
  arraySpread: 4,
  maxExtraProperties: 2,
  textSpread: 24,
  filterBudget: 2000,
  targetTimeLimitMs: 10_000,
  maxForcedSize: 10_000,
  eagerChoiceLimit: 64,
  guardProbe: 48,
  probes: DEFAULT_PROBE_MODE,
  optionalKeys: 4,
};

/** Payload sizes, named as fast-check names its size scale; "medium" is the default. */
export const PAYLOAD_SIZES = ["xsmall", "small", "medium", "large", "xlarge"] as const;
export type PayloadSize = (typeof PAYLOAD_SIZES)[number];

type SizeKnobs = Pick<GenerateOptions, "maxDepth" | "arraySpread" | "maxExtraProperties" | "optionalKeys" | "textSpread">;

/**
 * What each size sets: nesting depth, array spread, extra keys and optional keys per object
 * grow together; free text grows as fast-check's own scale grows lengths (large 1,000,
 * xlarge 10,000), since long strings are where parsers and buffers break and cost little to draw.
 */
const SIZE_KNOBS: Record<PayloadSize, SizeKnobs> = {
  xsmall: { maxDepth: 2, arraySpread: 1, maxExtraProperties: 1, optionalKeys: 1, textSpread: 8 },
  small: { maxDepth: 3, arraySpread: 2, maxExtraProperties: 1, optionalKeys: 2, textSpread: 16 },
  medium: { maxDepth: 4, arraySpread: 4, maxExtraProperties: 2, optionalKeys: 4, textSpread: 24 },
  large: { maxDepth: 6, arraySpread: 8, maxExtraProperties: 4, optionalKeys: 12, textSpread: 1_000 },
  xlarge: { maxDepth: 8, arraySpread: 16, maxExtraProperties: 8, optionalKeys: 32, textSpread: 10_000 },
};

/** The generation knobs of a payload size. */
export function sizeOptions(size: PayloadSize): SizeKnobs {
  return { ...SIZE_KNOBS[size] };
}

/** The knobs of a size and a fill (the bias), as GenerateOptions to merge over the defaults. */
export function payloadShape(size: PayloadSize | undefined, fill: number | undefined): Partial<GenerateOptions> {
  return { ...(size ? sizeOptions(size) : {}), ...(fill === undefined ? {} : { fill }) };
}
