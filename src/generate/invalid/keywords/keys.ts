import fc from "fast-check";
import { safeTest } from "../../../canonical/applicable.js";
import { isObject } from "../../../schema/json.js";
import { engineProbes } from "../../regex-engines.js";
import { stringsMatching } from "./pattern-keys.js";

/**
 * Keys a schema's properties and patternProperties do not name: near misses of the names,
 * keys that just miss a pattern in ECMA-262 but match it in other regex engines, then odd ones.
 */
export function unnamedKeys(schema: Record<string, unknown>, taken: readonly string[]): string[] {
  const named = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  const patterns = isObject(schema.patternProperties) ? Object.keys(schema.patternProperties) : [];
  const nearMisses = named.flatMap((n) => [n.toUpperCase() === n ? n.toLowerCase() : [...n].map((c, i) => (i === 0 ? c.toUpperCase() : c)).join(""), n + " ", n + "_"]);
  const candidates = [...nearMisses, ...patterns.flatMap(engineNeighbourKeys), "extra", "additional", "", "é", "a/b", "~1", "\u{1F600}", "0"];
  return [...new Set(candidates)].filter((k) => !named.includes(k) && !taken.includes(k) && !patterns.some((p) => safeTest(p, k)));
}

const ENGINE_KEYS_PER_PATTERN = 6;

const neighbours = new Map<string, string[]>();

/**
 * Keys next to a few fixed strings of the pattern, each with one character that other regex
 * engines read differently (regex-engines.ts), that the pattern no longer matches in
 * ECMA-262: `{"o\n": …}` escapes `^[a-z]+$` in ajv and falls under it in Python's re.
 */
function engineNeighbourKeys(pattern: string): string[] {
  const cached = neighbours.get(pattern);
  if (cached) return cached;
  const strings = stringsMatching(pattern);
  const samples = strings ? fc.sample(strings, { numRuns: 1, seed: 0 }) : [];
  // A few (the line-end characters come first), so they do not crowd out the plain near misses.
  const keys = [...new Set(samples.flatMap((s) => engineProbes(s, (k) => !safeTest(pattern, k))))].slice(0, ENGINE_KEYS_PER_PATTERN);
  neighbours.set(pattern, keys);
  return keys;
}
