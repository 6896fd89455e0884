import { refOverridesSiblings } from "../schema/dialect.js";
import { isObject } from "../schema/json.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import type { Branch, Disjunction } from "./canon.js";
import { child, locationKey } from "./location.js";
import { Unsatisfiable } from "./unsatisfiable.js";
import { resolveReference } from "./references.js";

/** The result of expanding roots: every schema that applies, and the choices and negations they carry. */
export interface Flattened {
  members: Located[];
  nots: Located[];
  disjunctions: Disjunction[];
}

/**
 * Expands `$ref` and `allOf` (recursively) and collects anyOf/oneOf/if-then-else as
 * disjunctions and `not` as negations. A schema reached twice is taken once, so
 * reference cycles through allOf terminate.
 */
export function flatten(roots: Located[], decided: ReadonlySet<string>, registry: SchemaRegistry): Flattened {
  const out: Flattened = { members: [], nots: [], disjunctions: [] };
  const seen = new Set<string>();
  const visit = (l: Located): void => {
    const key = locationKey(l);
    if (seen.has(key)) return;
    seen.add(key);
    if (l.schema === true) return;
    if (l.schema === false) throw new Unsatisfiable(`false schema at ${l.pointer || "/"}`);
    if (!isObject(l.schema)) return;
    const target = resolveReference(l, registry);
    if (target) {
      visit(target);
      if (refOverridesSiblings(l.dialect)) return;
    }
    for (const dynamic of ["$dynamicRef", "$recursiveRef"]) {
      const t = resolveReference(l, registry, dynamic);
      if (t) visit(t);
    }
    out.members.push(l);
    collectAllOf(l, registry, visit);
    collectNot(l, registry, out);
    collectDisjunctions(l, registry, decided, out);
  };
  roots.forEach(visit);
  return out;
}

function collectAllOf(l: Located, registry: SchemaRegistry, visit: (l: Located) => void): void {
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
  const s = l.schema as Record<string, unknown>;
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const id = locationKey(l) + "/" + keyword;
    if (!Array.isArray(s[keyword]) || decided.has(id)) continue;
    const branches = (s[keyword] as unknown[]).map((_, i) => child(l, registry, keyword, String(i))!);
    out.disjunctions.push({
      id,
      keyword,
      branches: branches.map((b, i) => ({
        members: [b],
        nots: keyword === "oneOf" ? branches.filter((_, j) => j !== i) : [],
        label: `${l.pointer}/${keyword}/${i}`,
      })),
    });
  }
  const ifThenElse = conditional(l, registry);
  if (ifThenElse && !decided.has(locationKey(l) + "/if")) out.disjunctions.push(ifThenElse);
}

/** if/then/else as a choice: (if and then) or (not if, and else). Ignored before draft-07. */
function conditional(l: Located, registry: SchemaRegistry): Disjunction | undefined {
  const s = l.schema as Record<string, unknown>;
  if (!("if" in s) || l.dialect === "draft-04" || l.dialect === "draft-06") return undefined;
  const ifSchema = child(l, registry, "if")!;
  const then = "then" in s ? child(l, registry, "then") : undefined;
  const otherwise = "else" in s ? child(l, registry, "else") : undefined;
  const branches: Branch[] = [
    { members: then ? [ifSchema, then] : [ifSchema], nots: [], label: `${l.pointer}/then` },
    { members: otherwise ? [otherwise] : [], nots: [ifSchema], label: `${l.pointer}/else` },
  ];
  return { id: locationKey(l) + "/if", keyword: "if", branches };
}
