import type { Arbitrary } from "fast-check";
import type FastCheck from "fast-check";

/**
 * A format the user adds (`--format name=module:path`): its checker, a generator of valid
 * values and near misses to break it with. The oracle asserts it under every format policy,
 * since the user asked for it.
 */
export interface FormatDefinition {
  name: string;
  /** The JSON type the format judges; values of other types pass. */
  type: "string" | "number";
  validate(value: string | number): boolean;
  /** Valid values (each still checked by the oracle against the whole schema). */
  valid?(fc: typeof FastCheck): Arbitrary<unknown>;
  /** Values of the format's type that break it; only those `validate` rejects are used. */
  invalid?: readonly unknown[];
}

const formats = new Map<string, FormatDefinition>();

/** Adds (or replaces) a user's format for this run. */
export function registerFormat(f: FormatDefinition): void {
  formats.set(f.name, f);
}

/** The user's format of that name, if any. */
export function userFormat(name: unknown): FormatDefinition | undefined {
  return typeof name === "string" ? formats.get(name) : undefined;
}

/** Every user format registered. */
export function userFormats(): FormatDefinition[] {
  return [...formats.values()];
}

/** Forgets every user format (tests, library callers running campaigns with other sets). */
export function forgetUserFormats(): void {
  formats.clear();
}
