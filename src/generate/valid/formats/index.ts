import fc, { type Arbitrary } from "fast-check";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { date, dateTime, duration, isoDateTime, isoTime, time } from "./date-time.js";
import { byte } from "./encodings.js";
import { email, hostname, ipv4, ipv6 } from "./network.js";
import { jsonPointer, jsonPointerUriFragment, regex, relativeJsonPointer, uri, uriReference, uriTemplate, url, uuid } from "./identifiers.js";
import { freeText } from "../text.js";
import { FORMAT_VALID_EDGES } from "./edges.js";

/** Generators for every string format ajv-formats knows (its full mode). */
const FORMATS: Record<string, Arbitrary<string>> = {
  date,
  time,
  "date-time": dateTime,
  "iso-time": isoTime,
  "iso-date-time": isoDateTime,
  duration,
  email,
  hostname,
  ipv4,
  ipv6,
  uri,
  url,
  "uri-reference": uriReference,
  "uri-template": uriTemplate,
  uuid,
  "json-pointer": jsonPointer,
  "json-pointer-uri-fragment": jsonPointerUriFragment,
  "relative-json-pointer": relativeJsonPointer,
  regex,
  byte,
  password: freeText(0, 16),
  binary: freeText(0, 16),
};

const withEdges = new Map<string, Arbitrary<string>>();

/** The format's generator, with its edge strings (edges.ts) that ajv-formats accepts mixed in, one draw in eight. */
export function formatArbitrary(format: string): Arbitrary<string> | undefined {
  const own = FORMATS[format];
  if (own === undefined) return undefined;
  const cached = withEdges.get(format);
  if (cached) return cached;
  const check = formatCheck(format);
  const edges = (FORMAT_VALID_EDGES[format] ?? []).filter((s) => check(s));
  const made = edges.length === 0 ? own : fc.oneof({ arbitrary: own, weight: 7 }, { arbitrary: fc.constantFrom(...edges), weight: 1 });
  withEdges.set(format, made);
  return made;
}

export const GENERATED_FORMATS: readonly string[] = Object.keys(FORMATS);

type FormatDefinition = RegExp | ((s: string) => boolean) | { validate: RegExp | ((s: string) => boolean); type?: string } | true;

/** ajv-formats' own check of a string format (full mode), for filtering by a second format exactly as ajv would. */
export function formatCheck(format: string): (s: string) => boolean {
  const def = (fullFormats as Record<string, FormatDefinition>)[format];
  if (def === undefined || def === true) return () => true;
  const validate = def instanceof RegExp || typeof def === "function" ? def : def.type === "number" ? undefined : def.validate;
  if (validate === undefined) return () => true;
  return validate instanceof RegExp ? (s) => validate.test(s) : validate;
}

/** Now and then the format's own generator, otherwise free text: for formats that are only annotations. */
export function annotatedFormatArbitrary(format: string, text: Arbitrary<string>): Arbitrary<string> {
  const own = FORMATS[format];
  return own ? fc.oneof({ arbitrary: own, weight: 1 }, { arbitrary: text, weight: 1 }) : text;
}
