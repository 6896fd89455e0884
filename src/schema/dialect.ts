import { DIALECTS, type Dialect } from "../keywords/dialects.js";

/** The JSON Schema dialects schema-conform understands (src/keywords/dialects.ts), and their meta-schema URIs. */
export { DIALECTS, type Dialect };

/** The canonical meta-schema URI of each dialect (what Bowtie's `dialect` command sends). */
export const DIALECT_URI: Record<Dialect, string> = {
  "draft-04": "http://json-schema.org/draft-04/schema#",
  "draft-06": "http://json-schema.org/draft-06/schema#",
  "draft-07": "http://json-schema.org/draft-07/schema#",
  "2019-09": "https://json-schema.org/draft/2019-09/schema",
  "2020-12": "https://json-schema.org/draft/2020-12/schema",
};

/** Reads a `$schema` value (with or without trailing `#`, http or https) as a dialect. */
export function dialectFromUri(uri: string): Dialect | undefined {
  const bare = uri.trim().replace(/#$/, "").replace(/^https?:\/\//, "");
  for (const d of DIALECTS) {
    if (DIALECT_URI[d].replace(/#$/, "").replace(/^https?:\/\//, "") === bare) return d;
  }
  return undefined;
}

/** How a `$schema` value is read: a dialect (with a note when the URI is not the dialect's own), or why it is not run. */
export type DialectReading = { dialect: Dialect; note?: string } | { unsupported: string };

const UNVERSIONED_READING: Record<string, Dialect> = { http: "draft-04", https: "2020-12" };

/**
 * Reads `$schema` as people write it. Canonical URIs (with or without the empty fragment `#`,
 * which ajv and RFC 3986 treat as the same URI, and http/https as before) give their dialect
 * silently. Other json-schema.org meta-schema URIs give the nearest dialect with a note:
 * hyper-schema and links meta-schemas of a draft → that draft (their extra keywords are
 * annotations); draft-05, which published no meta-schema of its own → draft-04; the unversioned
 * `http://json-schema.org/schema` → draft-04, the draft it served through the years such schemas
 * were written in (they use `id`, which ajv's default draft-07 class refuses to compile: on the
 * github-sample, draft-04 runs 464 of 1,000 files and leaves 5 internal errors, draft-07 461 and
 * 9), and `https://json-schema.org/schema` → 2020-12 (what it serves). Draft-03 and older are
 * unsupported: ajv cannot judge them. Anything else is undefined (an unknown dialect).
 */
export function readDialectUri(uri: string): DialectReading | undefined {
  const exact = dialectFromUri(uri);
  if (exact !== undefined && uri.trim() === uri) return { dialect: exact };
  if (exact !== undefined) return { dialect: exact, note: noteOf(uri, exact, "has spaces around it") };
  const m = /^(https?):\/\/json-schema\.org\/(?:draft-0(\d)\/(schema|hyper-schema|links)|draft\/(2019-09|2020-12)\/(schema|hyper-schema|links)|(draft\/)?schema)\/?#?$/.exec(uri.trim());
  if (!m) return undefined;
  const [, scheme, oldDraft, , newDraft] = m;
  if (oldDraft !== undefined && Number(oldDraft) <= 3) return { unsupported: `draft-0${oldDraft} is not supported: ajv cannot judge it` };
  const dialect = oldDraft === "5" ? "draft-04" : oldDraft !== undefined ? (`draft-0${oldDraft}` as Dialect) : (newDraft as Dialect | undefined) ?? UNVERSIONED_READING[scheme!]!;
  if (!DIALECTS.includes(dialect)) return undefined;
  const why = oldDraft === "5" ? "draft-05 published no meta-schema of its own" : oldDraft ?? newDraft ? "a meta-schema derived from that draft" : "no draft named";
  return { dialect, note: noteOf(uri, dialect, why) };
}

function noteOf(uri: string, dialect: Dialect, why: string): string {
  return `"${uri}" is not a dialect's canonical URI (${why}); read as ${dialect} (${DIALECT_URI[dialect]})`;
}

/** Accepts the names users type: "draft7", "draft-07", "7", "2020-12", "draft2020-12". */
export function dialectFromName(name: string): Dialect | undefined {
  const n = name.trim().toLowerCase().replace(/^draft-?/, "");
  const table: Record<string, Dialect> = {
    "4": "draft-04", "04": "draft-04", "6": "draft-06", "06": "draft-06", "7": "draft-07", "07": "draft-07",
    "2019-09": "2019-09", "2020-12": "2020-12", "2019": "2019-09", "2020": "2020-12",
  };
  return table[n] ?? dialectFromUri(name);
}

/** Draft-04 names its identifier `id`; later drafts `$id`. */
export function idKeyword(d: Dialect): "id" | "$id" {
  return d === "draft-04" ? "id" : "$id";
}

