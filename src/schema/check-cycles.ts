import { InputError } from "./errors.js";
import { isObject } from "./json.js";
import { joinPointer, pointerToFragment } from "./pointer.js";
import type { Located, SchemaDocument, SchemaRegistry } from "./registry.js";
import { refHidesSiblings } from "../keywords/dialects.js";
import { referencesOf } from "../keywords/registry.js";
import { walkSchemas } from "./check-refs.js";

/** Keywords that apply their subschemas to the very instance they are evaluated on. */
const IN_PLACE_SINGLE = ["not", "if", "then", "else"];
const IN_PLACE_LIST = ["allOf", "anyOf", "oneOf"];
/** Maps whose schemas apply to the same instance when a key is present (`dependencies`: its schema entries; ajv applies it in every dialect). */
const IN_PLACE_MAP = ["dependentSchemas", "dependencies"];

interface Edge {
  /** Where the keyword that leads on is written. */
  from: Located;
  keywordPointer: string;
  to: Located;
}

/**
 * Finds reference cycles that never reach into the instance: `{"$ref": "#"}`, or definitions
 * that refer to each other through `$ref`/`$dynamicRef` and in-place applicators (allOf, anyOf,
 * oneOf, not, if/then/else, dependentSchemas, schema dependencies) only. A validator following one never ends (ajv overflows its stack),
 * so the schema is bad input. References are followed statically. Depth-first with an explicit
 * stack and three colours, each schema and edge visited once per run (`seen` is shared by the
 * documents of one registry). Returns one InputError per cycle, at the keyword that closes it.
 */
export function checkReferenceCycles(doc: SchemaDocument, registry: SchemaRegistry, seen = new Map<Located, "open" | "done">()): InputError[] {
  const errors: InputError[] = [];
  walkSchemas(doc, (schema, pointer, dialect) => {
    if (!referencesOf(dialect).some((k) => typeof schema[k] === "string")) return; // a cycle passes through a reference
    const start = registry.locate(doc, pointer)!;
    if (!seen.has(start)) errors.push(...explore(start, registry, seen));
  });
  return errors;
}

function explore(start: Located, registry: SchemaRegistry, seen: Map<Located, "open" | "done">): InputError[] {
  const errors: InputError[] = [];
  const frames: Array<{ node: Located; edges: Edge[]; next: number }> = [{ node: start, edges: inPlaceEdges(start, registry), next: 0 }];
  seen.set(start, "open");
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const edge = frame.edges[frame.next++];
    if (edge === undefined) {
      seen.set(frame.node, "done");
      frames.pop();
      continue;
    }
    const state = seen.get(edge.to);
    if (state === "open") errors.push(cycleError(edge, frames.map((f) => f.node)));
    if (state !== undefined) continue;
    seen.set(edge.to, "open");
    frames.push({ node: edge.to, edges: inPlaceEdges(edge.to, registry), next: 0 });
  }
  return errors;
}

/** Where evaluation of the same instance goes next from `l`; in draft-07 and earlier only `$ref` (its siblings are ignored). */
function inPlaceEdges(l: Located, registry: SchemaRegistry): Edge[] {
  if (!isObject(l.schema)) return [];
  const schema = l.schema;
  const legacyRef = refHidesSiblings(l.dialect) && typeof schema.$ref === "string";
  const edges: Edge[] = [];
  for (const keyword of legacyRef ? ["$ref"] : referencesOf(l.dialect)) {
    const ref = schema[keyword];
    if (typeof ref !== "string") continue;
    const keywordPointer = joinPointer(l.pointer, keyword);
    try {
      edges.push({ from: l, keywordPointer, to: registry.resolve(l, ref, keywordPointer) });
    } catch {
      // an unresolvable reference is reported by checkReferences
    }
  }
  if (legacyRef) return edges;
  const tokens = [
    ...IN_PLACE_SINGLE.filter((k) => typeof schema[k] === "boolean" || isObject(schema[k])).map((k) => [k]),
    ...IN_PLACE_LIST.flatMap((k) => (Array.isArray(schema[k]) ? (schema[k] as unknown[]).map((_, i) => [k, String(i)]) : [])),
    ...IN_PLACE_MAP.flatMap((k) => mapEntries(schema[k]).map((name) => [k, name])),
  ];
  for (const t of tokens) {
    const to = registry.locate(l.document, joinPointer(l.pointer, ...t));
    if (to) edges.push({ from: l, keywordPointer: joinPointer(l.pointer, ...t), to });
  }
  return edges;
}

/** The names of a map keyword whose values are schemas (a `dependencies` list of names is not). */
function mapEntries(value: unknown): string[] {
  if (!isObject(value)) return [];
  return Object.keys(value).filter((name) => typeof value[name] === "boolean" || isObject(value[name]));
}

function cycleError(closing: Edge, path: Located[]): InputError {
  const loop = path.slice(path.indexOf(closing.to));
  const names = [...loop, closing.to].map((l) => (l.document === closing.from.document ? "" : l.document.uri) + "#" + pointerToFragment(l.pointer));
  return new InputError(
    closing.from.document.file,
    closing.keywordPointer,
    `reference cycle that never reaches into the instance: ${names.join(" → ")} (a validator following it never ends)`,
  );
}
