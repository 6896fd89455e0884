import type { Format } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";

/**
 * How `format` is treated.
 * - "assert": the formats the JSON Schema specification defines and ajv-formats can check
 *   are assertions; every other format (schemars' int32/uint64, OpenAPI's byte/password,
 *   anything unknown) is an annotation that never fails validation.
 * - "annotate": no format is ever asserted (the 2019-09+ default of the specification).
 */
export type FormatPolicy = "assert" | "annotate";

export const FORMAT_POLICIES: readonly FormatPolicy[] = ["assert", "annotate"];

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
