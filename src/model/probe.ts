/**
 * Probes: values chosen because typed consumers (a Rust `u32`, a Go `int64`, JavaScript's
 * `JSON.parse`) read them differently from the schema, named in findings (`uint8 max+1`).
 */

/** Which probes valid generation sends: none, values only (`typed`), or values and spellings (`all`). */
export type ProbeMode = "none" | "typed" | "all";

export const PROBE_MODES = ["none", "typed", "all"] as const satisfies readonly ProbeMode[];

/** The default of `--probes` and the library's `probes` option. */
export const DEFAULT_PROBE_MODE: ProbeMode = "typed";

/**
 * One probe in a payload: its name and where it sits. `text` is its exact JSON spelling when
 * that is not what `JSON.stringify` writes for the parsed value (`-0`, `1.0`, `1e2`,
 * `9007199254740993`): text-speaking adapters receive the payload with that spelling.
 */
export interface ProbeMark {
  probe: string;
  /** JSON pointer into the instance. */
  instancePath: string;
  text?: string;
}
