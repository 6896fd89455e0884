import { safeTest } from "../../../canonical/applicable.js";
import { isObject } from "../../../schema/json.js";

/** Keys a schema's properties and patternProperties do not name: near misses of the names, then odd ones. */
export function unnamedKeys(schema: Record<string, unknown>, taken: readonly string[]): string[] {
  const named = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  const patterns = isObject(schema.patternProperties) ? Object.keys(schema.patternProperties) : [];
  const nearMisses = named.flatMap((n) => [n.toUpperCase() === n ? n.toLowerCase() : [...n].map((c, i) => (i === 0 ? c.toUpperCase() : c)).join(""), n + " ", n + "_"]);
  const candidates = [...nearMisses, "extra", "additional", "", "é", "a/b", "~1", "\u{1F600}", "0"];
  return [...new Set(candidates)].filter((k) => !named.includes(k) && !taken.includes(k) && !patterns.some((p) => safeTest(p, k)));
}
