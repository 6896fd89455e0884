import type { Arbitrary } from "fast-check";
import { date, dateTime, duration, time } from "./date-time.js";
import { email, hostname, ipv4, ipv6 } from "./network.js";
import { jsonPointer, regex, relativeJsonPointer, uri, uriReference, uriTemplate, uuid } from "./identifiers.js";

/** Generators for the formats ajv-formats asserts; other formats are annotations and get plain text. */
const FORMATS: Record<string, Arbitrary<string>> = {
  date,
  time,
  "date-time": dateTime,
  duration,
  email,
  hostname,
  ipv4,
  ipv6,
  uri,
  "uri-reference": uriReference,
  "uri-template": uriTemplate,
  uuid,
  "json-pointer": jsonPointer,
  "relative-json-pointer": relativeJsonPointer,
  regex,
};

export function formatArbitrary(format: string): Arbitrary<string> | undefined {
  return FORMATS[format];
}

export const GENERATED_FORMATS: readonly string[] = Object.keys(FORMATS);
