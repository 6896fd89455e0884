/** The JSON Schema dialects schema-conform understands, and their meta-schema URIs. */
export type Dialect = "draft-04" | "draft-06" | "draft-07" | "2019-09" | "2020-12";

export const DIALECTS: readonly Dialect[] = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"];

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

/** In draft-07 and earlier, keywords beside `$ref` are ignored. */
export function refOverridesSiblings(d: Dialect): boolean {
  return d === "draft-04" || d === "draft-06" || d === "draft-07";
}
