import { child } from "../../canonical/location.js";
import { resolveReference } from "../../canonical/references.js";
import { isObject } from "../../schema/json.js";
import { joinPointer } from "../../schema/pointer.js";
import type { Located } from "../../schema/registry.js";
import type { GenContext } from "../valid/context.js";
import { directSubschemas } from "../../schema/subschemas.js";
import { keywordLocation } from "./evaluation-path.js";
import { acceptsEverything, inertReason } from "./inert.js";
import { isEvaluated, isKeywordOf, referencesOf } from "../../keywords/registry.js";

/** One keyword written in a schema the target reaches. */
export interface KeywordOccurrence {
  keyword: string;
  /** Its shortest evaluation path from the target root (through $ref): the name coverage uses. */
  schemaPath: string;
  holder: Located;
  /** Document URI + "#" + pointer of the keyword. */
  location: string;
  /** Set when the keyword sits where breaking it cannot make an instance invalid (under not, if, contains). */
  context?: string;
}

/** Every constraint keyword reachable from the target, and the shortest evaluation path of every schema reached. */
export interface KeywordMap {
  occurrences: KeywordOccurrence[];
  byLocation: Map<string, KeywordOccurrence>;
  /** Document URI + "#" + pointer of a reached schema → its shortest evaluation path. */
  schemaPaths: Map<string, string>;
}

const CONTEXT_OF: Readonly<Record<string, string>> = {
  not: "inside not: breaking it makes the negated schema fail, which not accepts",
  if: "inside if: a condition that selects then or else, never an assertion",
  contains: "inside contains: only whether some item matches is asserted",
};

/** Breadth first from the target root, so each schema is named by its shortest evaluation path. */
export function keywordMap(root: Located, ctx: GenContext): KeywordMap {
  const registry = ctx.registry;
  const map: KeywordMap = { occurrences: [], byLocation: new Map(), schemaPaths: new Map() };
  const queue: Array<{ l: Located; path: string; context?: string }> = [{ l: root, path: "" }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { l, path, context } = next;
    const key = schemaKey(l);
    if (map.schemaPaths.has(key)) continue;
    map.schemaPaths.set(key, path);
    if (!isObject(l.schema)) continue;
    const schema = l.schema;
    for (const keyword of Object.keys(schema)) {
      if (!isEvaluated(keyword) || !isKeywordOf(keyword, l.dialect)) continue;
      const occ: KeywordOccurrence = { keyword, schemaPath: joinPointer(path, keyword), holder: l, location: keywordLocation(l, keyword), ...(context ? { context } : {}) };
      map.occurrences.push(occ);
      map.byLocation.set(occ.location, occ);
    }
    for (const keyword of referencesOf(l.dialect)) {
      if (typeof schema[keyword] !== "string") continue;
      const target = resolveReference(l, registry, keyword);
      if (target) queue.push({ l: target, path: joinPointer(path, keyword), ...(context ? { context } : {}) });
    }
    for (const sub of directSubschemas(schema)) {
      const first = sub.tokens[0]!;
      if (!isEvaluated(first)) continue; // $defs, definitions, contentSchema: not applied here
      const c = child(l, registry, ...sub.tokens);
      const subContext = context ?? CONTEXT_OF[first] ?? siblingContext(l, sub.tokens, ctx);
      if (c) queue.push({ l: c, path: joinPointer(path, ...sub.tokens), ...(subContext ? { context: subContext } : {}) });
    }
  }
  return map;
}

/** A reached schema's key in `schemaPaths`: where it is written, whatever the dynamic scope. */
export function schemaKey(l: Located): string {
  return l.document.uri + "#" + l.pointer;
}

/** Subschemas that can never decide validity: under a keyword ajv ignores here (then without if...), or beside an anyOf branch that accepts everything. */
function siblingContext(l: Located, tokens: string[], ctx: GenContext): string | undefined {
  const schema = l.schema as Record<string, unknown>;
  const [keyword, index] = tokens;
  const inert = inertReason(keyword!, schema, l);
  if (inert) return `inside ${keyword}: ${inert}`;
  if (keyword === "anyOf" && Array.isArray(schema.anyOf)) {
    const others = schema.anyOf.map((_, i) => String(i)).filter((i) => i !== index);
    const open = others.some((i) => {
      const c = child(l, ctx.registry, "anyOf", i);
      return c !== undefined && acceptsEverything(c, ctx);
    });
    if (open) return "inside an anyOf branch beside one that accepts everything";
  }
  return undefined;
}
