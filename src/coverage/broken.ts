import type { InvalidPayload } from "../generate/invalid/index.js";
import { keywordLocation, keywordsAlong } from "../generate/invalid/evaluation-path.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";

/**
 * The keyword locations invalid payloads broke: the labelled keyword and every applicator
 * its evaluation path crosses ($ref, properties, allOf...), whose verdict fails with it;
 * a broken then/else breaks its if/then/else too.
 */
export function brokenLocations(root: Located, payloads: readonly InvalidPayload[], registry: SchemaRegistry): Set<string> {
  const out = new Set<string>();
  for (const p of payloads) {
    const along = keywordsAlong(root, p.label.schemaPath, registry);
    if (!along) continue;
    for (const step of along.steps) {
      out.add(step.location);
      if (step.keyword === "then" || step.keyword === "else") out.add(keywordLocation(step.holder, "if"));
    }
  }
  return out;
}
