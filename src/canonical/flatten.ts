import { isObject } from "../schema/json.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import type { Branch, Disjunction } from "./canon.js";
import { refHidesSiblings } from "../keywords/dialects.js";
import { isAppliedIn, referencesOf } from "../keywords/registry.js";
import { outlineOf, outlinesDisjoint } from "./disjoint.js";
import { child, locationKey } from "./location.js";
import { Unsatisfiable } from "./unsatisfiable.js";
import { resolveReference } from "./references.js";

/** The result of expanding roots: every schema that applies, and the choices and negations they carry. */
export interface Flattened {
  members: Located[];
  nots: Located[];
  disjunctions: Disjunction[];
  /** Member key → key of the member that brought it in. */
  parents: Map<string, string>;
}

/**
 * Expands `$ref` (and the dynamic references) and `allOf` recursively, and collects
 * anyOf/oneOf/if-then-else/dependentSchemas as disjunctions and `not` as negations. A schema
 * reached twice is taken once, so reference cycles through allOf terminate.
 *
 * With `choices` false the disjunctions are left out: outlines (disjoint.ts) need only the
 * members, and working out a oneOf's outlines inside an outline recursed without end through
 * schemas whose oneOf branches refer back to themselves (stack overflows on real catalogs).
 *
 * In draft-07 and earlier a schema with `$ref` is only that reference: its other keywords
 * are ignored, as the specification and the oracle read them.
 */
export function flatten(roots: Located[], decided: ReadonlySet<string>, registry: SchemaRegistry, rootParents?: ReadonlyMap<string, string>, choices = true): Flattened {
  const out: Flattened = { members: [], nots: [], disjunctions: [], parents: new Map() };
  const seen = new Set<string>();
  const visit = (l: Located, parent: string | undefined): void => {
    const key = locationKey(l);
    if (seen.has(key)) return;
    seen.add(key);
    if (l.schema === true) return;
    if (l.schema === false) throw new Unsatisfiable(`false schema at ${l.pointer || "/"}`);
    if (!isObject(l.schema)) return;
    if (parent !== undefined) out.parents.set(key, parent);
    if (refHidesSiblings(l.dialect) && typeof l.schema.$ref === "string") {
      const target = resolveReference(l, registry, "$ref");
      if (target) visit(target, key);
      return;
    }
    out.members.push(l);
    for (const keyword of referenceKeywords(l)) {
      const target = resolveReference(l, registry, keyword);
      if (target) visit(target, key);
    }
    forEachAllOf(l, registry, (c) => visit(c, key));
    collectNot(l, registry, out);
    if (choices) collectDisjunctions(l, registry, decided, out);
  };
  for (const r of roots) visit(r, rootParents?.get(locationKey(r)));
  return out;
}

/** `$ref` everywhere; `$recursiveRef` in 2019-09, `$dynamicRef` in 2020-12 (the registry's reference keywords). */
function referenceKeywords(l: Located): string[] {
  return referencesOf(l.dialect);
}

function forEachAllOf(l: Located, registry: SchemaRegistry, visit: (l: Located) => void): void {
  const allOf = (l.schema as Record<string, unknown>).allOf;
  if (!Array.isArray(allOf)) return;
  allOf.forEach((_, i) => {
    const c = child(l, registry, "allOf", String(i));
    if (c) visit(c);
  });
}

function collectNot(l: Located, registry: SchemaRegistry, out: Flattened): void {
  if (!("not" in (l.schema as object))) return;
  const c = child(l, registry, "not");
  if (c) out.nots.push(c);
}

function collectDisjunctions(l: Located, registry: SchemaRegistry, decided: ReadonlySet<string>, out: Flattened): void {
  for (const d of disjunctionsOf(l, registry)) if (!decided.has(d.id)) out.disjunctions.push(d);
}

const disjunctionMemo = new WeakMap<SchemaRegistry, Map<string, Disjunction[]>>();

/** The choices a schema holds, worked out once per location (a oneOf's overlap test is quadratic in its branches). */
function disjunctionsOf(l: Located, registry: SchemaRegistry): Disjunction[] {
  let memo = disjunctionMemo.get(registry);
  if (!memo) disjunctionMemo.set(registry, (memo = new Map()));
  const holder = locationKey(l);
  let found = memo.get(holder);
  if (!found) {
    const all = [alternatives(l, registry, "anyOf"), alternatives(l, registry, "oneOf"), conditional(l, registry), ...dependentSchemas(l, registry)];
    found = all.filter((d): d is Disjunction => d !== undefined).map((d) => ({ ...d, holder }));
    memo.set(holder, found);
  }
  return found;
}

/**
 * anyOf: one branch per subschema; oneOf: the same, each branch also avoiding every other
 * subschema it could overlap with (branches that are disjoint on their face — other types,
 * other constants, another value of a required tag — need no check).
 */
function alternatives(l: Located, registry: SchemaRegistry, keyword: "anyOf" | "oneOf"): Disjunction | undefined {
  const list = (l.schema as Record<string, unknown>)[keyword];
  if (!Array.isArray(list)) return undefined;
  const branches = list.map((_, i) => child(l, registry, keyword, String(i))!);
  const outlines = keyword === "oneOf" ? branches.map((b) => outlineOf(b, registry)) : [];
  const overlapping = (i: number, j: number) => j !== i && !outlinesDisjoint(outlines[i]!, outlines[j]!);
  return {
    id: locationKey(l) + "/" + keyword,
    keyword,
    branches: branches.map((b, i) => ({
      members: [b],
      nots: keyword === "oneOf" ? branches.filter((_, j) => overlapping(i, j)) : [],
      label: `${l.pointer}/${keyword}/${i}`,
    })),
  };
}

/** if/then/else as a choice: (if and then) or (not if, and else); from draft-07 on. */
function conditional(l: Located, registry: SchemaRegistry): Disjunction | undefined {
  const s = l.schema as Record<string, unknown>;
  if (!("if" in s) || !isAppliedIn("if", l.dialect)) return undefined;
  const ifSchema = child(l, registry, "if")!;
  const then = "then" in s ? child(l, registry, "then") : undefined;
  const otherwise = "else" in s ? child(l, registry, "else") : undefined;
  const branches: Branch[] = [
    { members: then ? [ifSchema, then] : [ifSchema], nots: [], label: `${l.pointer}/then` },
    { members: otherwise ? [otherwise] : [], nots: [ifSchema], label: `${l.pointer}/else` },
  ];
  return { id: locationKey(l) + "/if", keyword: "if", branches };
}

/**
 * A schema-valued dependency as a choice on the key: absent, or present and the schema holds.
 * `dependencies` (every dialect: ajv applies it even where 2019-09 dropped it) and
 * `dependentSchemas` (2019-09 and later).
 */
function dependentSchemas(l: Located, registry: SchemaRegistry): Disjunction[] {
  const s = l.schema as Record<string, unknown>;
  const out: Disjunction[] = [];
  const keywords = ["dependencies", "dependentSchemas"].filter((k) => isAppliedIn(k, l.dialect));
  for (const keyword of keywords) {
    const map = s[keyword];
    if (!isObject(map)) continue;
    for (const [key, dep] of Object.entries(map)) {
      if (Array.isArray(dep)) continue;
      const schema = child(l, registry, keyword, key)!;
      const label = `${l.pointer}/${keyword}/${key}`;
      out.push({
        id: `${locationKey(l)}/${keyword}/${key}`,
        keyword: "dependentSchemas",
        branches: [
          { members: [], nots: [], forbid: [key], label: `${label}/absent` },
          { members: [schema], nots: [], require: [key], label },
        ],
      });
    }
  }
  return out;
}
