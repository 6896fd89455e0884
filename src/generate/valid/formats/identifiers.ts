import fc, { type Arbitrary } from "fast-check";
import { hostname } from "./network.js";

const segmentChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".split(""));
const segment = fc.string({ unit: segmentChar, maxLength: 8 });
const path = fc.array(segment, { maxLength: 4 }).map((s) => s.map((x) => "/" + x).join(""));

export const uri: Arbitrary<string> = fc
  .tuple(fc.constantFrom("http", "https", "urn", "ftp", "file"), hostname, path, fc.option(segment), fc.option(segment))
  .map(([scheme, host, p, q, f]) => (scheme === "urn" ? `urn:example:${host}` : `${scheme}://${host}${p}`) + (q !== null ? `?q=${q}` : "") + (f !== null ? `#${f}` : ""));

export const uriReference: Arbitrary<string> = fc.oneof(uri, path, segment, fc.constant(""), segment.map((s) => "#" + s));

const varname = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz_0123456789".split("")), minLength: 1, maxLength: 6 });
export const uriTemplate: Arbitrary<string> = fc
  .tuple(uri, fc.array(fc.tuple(fc.constantFrom("", "+", "#", "/", ";", "?", "&"), varname), { maxLength: 3 }))
  .map(([u, vars]) => u.split("#")[0]!.split("?")[0]! + vars.map(([op, v]) => `{${op}${v}}`).join(""));

/** ajv-formats' url: http(s)/ftp with a public host name (a dotted name with a letters-only top-level label). */
export const url: Arbitrary<string> = fc
  .tuple(fc.constantFrom("http", "https", "ftp"), hostname, fc.constantFrom("com", "org", "example", "io"), path, fc.option(fc.integer({ min: 10, max: 65535 })))
  .map(([scheme, host, tld, p, port]) => `${scheme}://${host}.${tld}${port !== null ? ":" + port : ""}${p}`);

export const uuid: Arbitrary<string> = fc.oneof({ arbitrary: fc.uuid(), weight: 6 }, { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 });

const fragmentChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789_-.!$&'()*+,;:=@".split(""), "%20", "~0", "~1");
/** A JSON pointer written as a URI fragment ("#/a/b%20c"). */
export const jsonPointerUriFragment: Arbitrary<string> = fc
  .array(fc.string({ unit: fragmentChar, maxLength: 6 }), { maxLength: 4 })
  .map((ts) => "#" + ts.map((t) => "/" + t).join(""));

const tokenChar = fc.oneof(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }).filter((c) => c !== "~" && c !== "/"), fc.constantFrom("~0", "~1"));
const token = fc.string({ unit: tokenChar, maxLength: 6 });
export const jsonPointer: Arbitrary<string> = fc.array(token, { maxLength: 4 }).map((ts) => ts.map((t) => "/" + t).join(""));
export const relativeJsonPointer: Arbitrary<string> = fc
  .tuple(fc.nat(5), fc.oneof(fc.constant("#"), jsonPointer))
  .map(([n, rest]) => `${n}${rest}`);

/** Regular expressions that compile under the u flag. */
export const regex: Arbitrary<string> = fc.constantFrom("^[a-z]+$", "\\d{3}-\\d{4}", "(foo|bar)*", "^\\p{L}+$", ".*", "a{2,5}", "[^\\s]+", "^$");
