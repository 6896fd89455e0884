import { child } from "../../canonical/location.js";
import { resolveReference } from "../../canonical/references.js";
import { isObject } from "../../schema/json.js";
import { parsePointer, pointerToFragment } from "../../schema/pointer.js";
import type { Located, SchemaRegistry } from "../../schema/registry.js";
import { isReference, subschemaShape } from "../../keywords/registry.js";

/** One keyword crossed by an evaluation path: the schema holding it and its absolute location. */
export interface KeywordStep {
  holder: Located;
  keyword: string;
  /** Document URI + "#" + pointer of the keyword (JSON Schema output's absoluteKeywordLocation). */
  location: string;
}

export function keywordLocation(holder: Located, keyword: string): string {
  return `${holder.document.uri}#${pointerToFragment(holder.pointer + "/" + keyword.replace(/~/g, "~0").replace(/\//g, "~1"))}`;
}

/**
 * Follows an evaluation path (a label's schemaPath) from the target root: every keyword on
 * the way, $ref followed. Undefined when the path does not exist in the schema.
 * A path that ends inside a keyword (".../properties/a" for a `false` subschema) ends with that
 * keyword; `end` is the value there (for a path ending at a reference, the schema it names).
 * Give `root` its dynamic scope (evaluationRoot) so that $dynamicRef resolves as in evaluation.
 */
export function keywordsAlong(root: Located, path: string, registry: SchemaRegistry): { steps: KeywordStep[]; end: unknown } | undefined {
  const tokens = parsePointer(path);
  const steps: KeywordStep[] = [];
  let current: Located = root;
  let i = 0;
  while (i < tokens.length) {
    const keyword = tokens[i]!;
    if (!isObject(current.schema) || !(keyword in current.schema)) return undefined;
    steps.push({ holder: current, keyword, location: keywordLocation(current, keyword) });
    if (i === tokens.length - 1) {
      const target = isReference(keyword) ? resolveReference(current, registry, keyword) : undefined;
      return { steps, end: target ? target.schema : current.schema[keyword] };
    }
    const width = isReference(keyword) ? 0 : subschemaWidth(keyword, current.schema[keyword]);
    const next = width === 0 && isReference(keyword) ? resolveReference(current, registry, keyword) : child(current, registry, ...tokens.slice(i, i + width));
    if (!next) return undefined;
    current = next;
    i += Math.max(width, 1);
  }
  return { steps, end: current.schema };
}

/** How many path tokens lead from a keyword to one of its subschemas. */
function subschemaWidth(keyword: string, value: unknown): number {
  const shape = subschemaShape(keyword);
  if (shape === "list" || shape === "map" || shape === "dependencies") return 2;
  if (shape === "items") return Array.isArray(value) ? 2 : 1;
  return 1;
}
