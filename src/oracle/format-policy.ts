import type { Format } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";
import type { Dialect } from "../schema/dialect.js";

/**
 * How `format` is treated.
 * - "assert": the formats the JSON Schema specification defines and ajv-formats can check
 *   are assertions; every other format (schemars' int32/uint64, OpenAPI's byte/password,
 *   anything unknown) is an annotation that never fails validation.
 * - "annotate": no format is ever asserted (the 2019-09+ default of the specification).
 */
export type FormatPolicy = "assert" | "annotate";

export const FORMAT_POLICIES: readonly FormatPolicy[] = ["assert", "annotate"];

/** What `--formats` may say: a policy, or "dialect" for each dialect's own (see `dialectFormatPolicy`). */
export type FormatChoice = FormatPolicy | "dialect";

export const FORMAT_CHOICES: readonly FormatChoice[] = ["dialect", ...FORMAT_POLICIES];

/**
 * The specification's own default: `format` asserts in draft-04, -06 and -07 (ajv-formats'
 * checks, as before), and is an annotation in 2019-09 and 2020-12, where only the
 * format-assertion vocabulary would make it assert (the suite's "only an annotation by default").
 */
export function dialectFormatPolicy(dialect: Dialect): FormatPolicy {
  return dialect === "2019-09" || dialect === "2020-12" ? "annotate" : "assert";
}

/** An explicit policy wins; "dialect" becomes the dialect's own. */
export function resolveFormatPolicy(choice: FormatChoice, dialect: Dialect): FormatPolicy {
  return choice === "dialect" ? dialectFormatPolicy(dialect) : choice;
}

/** Formats defined by the JSON Schema specification that ajv-formats checks. */
export const ASSERTED_FORMATS = [
  "date", "time", "date-time", "duration", "uri", "uri-reference", "uri-template", "email", "hostname",
  "ipv4", "ipv6", "regex", "uuid", "json-pointer", "relative-json-pointer",
] as const;

export type AssertedFormat = (typeof ASSERTED_FORMATS)[number];

export function isAssertedFormat(name: string, policy: FormatPolicy): name is AssertedFormat {
  return policy === "assert" && (ASSERTED_FORMATS as readonly string[]).includes(name);
}

/** The ajv `formats` option for a policy: checks for asserted formats, `true` (always valid) for the rest we know of. */
export function ajvFormats(policy: FormatPolicy): Record<string, Format> {
  const out: Record<string, Format> = {};
  for (const name of Object.keys(fullFormats)) {
    out[name] = isAssertedFormat(name, policy) ? fullFormats[name as keyof typeof fullFormats] : true;
  }
  return out;
}
