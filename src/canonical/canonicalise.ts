import type { Json } from "../schema/json.js";
import { isObject } from "../schema/json.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import { ALL_TYPES, type Canon, type CanonInput, type JsonType } from "./canon.js";
import { appliesIn } from "./dialect-rules.js";
import { flatten, type Flattened } from "./flatten.js";
import { jsonEqual } from "./json-equal.js";
import { child, locationKey } from "./location.js";
import { absorbNegations } from "./negations.js";
import { Unsatisfiable } from "./unsatisfiable.js";
import { intersectTypes, typeOfValue } from "./types.js";

/** Builds the canonical form of a conjunction; throws Unsatisfiable when it has no instance. */
export function canonicalise(input: CanonInput, registry: SchemaRegistry): Canon {
  const decided = new Set(input.decided);
  const flat = flattenWithDoubleNegations(input, decided, registry);
  const require = unique(input.require ?? []);
  let types = flat.members.reduce<JsonType[]>((acc, m) => intersectTypes(acc, declaredTypes(m)), [...ALL_TYPES]);
  if (input.types) types = intersectTypes(types, input.types);
  if (require.length > 0) types = intersectTypes(types, ["object"]);
  const absorbed = absorbNegations(types, flat.nots, new Set([...require, ...requiredByMembers(flat.members)]));
  types = absorbed.types;
  const forbid = unique([...(input.forbid ?? []), ...absorbed.forbid]);
  const clash = require.find((k) => forbid.includes(k));
  if (clash !== undefined) throw new Unsatisfiable(`property "${clash}" is both required and forbidden`);
  let consts = intersectConsts(flat.members);
  if (consts !== null) consts = consts.filter((v) => admitsValue(types, v) && keysAllowed(v, require, forbid));
  if (consts !== null && consts.length === 0) throw new Unsatisfiable("no value of enum/const satisfies the other constraints");
  if (types.length === 0) throw new Unsatisfiable("no type satisfies every `type`");
  const parents = new Map([...(input.parents ?? []), ...flat.parents]);
  return { key: canonKey(input), members: flat.members, nots: absorbed.nots, disjunctions: flat.disjunctions, types, consts, decided: input.decided, require, forbid, parents };
}

/**
 * Flattens the roots; a negation of a negation (`not: {not: X}`, or an `if: {not: X}` whose
 * else-branch negates it) turns X into a member, and the roots are flattened again.
 */
function flattenWithDoubleNegations(input: CanonInput, decided: ReadonlySet<string>, registry: SchemaRegistry): Flattened {
  let roots = input.roots;
  for (;;) {
    const flat = flatten(roots, decided, registry, input.parents);
    const nots = [...input.nots, ...flat.nots];
    const positives = nots.map((n) => innerOfDoubleNegation(n, registry)).filter((x): x is Located => x !== undefined);
    const fresh = positives.filter((p) => !roots.some((r) => locationKey(r) === locationKey(p)));
    if (fresh.length === 0) return { ...flat, nots: nots.filter((n) => innerOfDoubleNegation(n, registry) === undefined) };
    roots = [...roots, ...fresh];
  }
}

/** X when `n` is `{not: X}` and nothing else asserts (annotations aside). */
function innerOfDoubleNegation(n: Located, registry: SchemaRegistry): Located | undefined {
  if (!isObject(n.schema) || !("not" in n.schema)) return undefined;
  const others = Object.keys(n.schema).filter((k) => k !== "not" && !NON_ASSERTIONS.has(k));
  return others.length === 0 ? child(n, registry, "not") : undefined;
}

const NON_ASSERTIONS = new Set(["$schema", "$id", "id", "$anchor", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "definitions", "$defs"]);

export function canonKey(input: CanonInput): string {
  const roots = input.roots.map(locationKey).sort().join(",");
  const nots = input.nots.map(locationKey).sort().join(",");
  const keys = input.require?.length || input.forbid?.length ? `|+${[...(input.require ?? [])].sort().join(",")}|-${[...(input.forbid ?? [])].sort().join(",")}` : "";
  const types = input.types ? `|:${input.types.join(",")}` : "";
  return `${roots}|${nots}|${[...input.decided].sort().join(",")}${keys}${types}`;
}

/** The types a member allows by `type` (all when it says nothing). */
export function declaredTypes(m: Located): JsonType[] {
  const t = isObject(m.schema) ? m.schema.type : undefined;
  if (typeof t === "string") return (ALL_TYPES as readonly string[]).includes(t) ? [t as JsonType] : [];
  if (Array.isArray(t)) return t.filter((x): x is JsonType => typeof x === "string" && (ALL_TYPES as readonly string[]).includes(x));
  return [...ALL_TYPES];
}

function requiredByMembers(members: Located[]): string[] {
  return members.flatMap((m) => {
    const r = (m.schema as Record<string, unknown>).required;
    return Array.isArray(r) ? r.filter((k): k is string => typeof k === "string") : [];
  });
}

function admitsValue(types: JsonType[], v: Json): boolean {
  const t = typeOfValue(v);
  return types.includes(t) || (t === "integer" && types.includes("number"));
}

function keysAllowed(v: Json, require: string[], forbid: string[]): boolean {
  if (!isObject(v)) return require.length === 0;
  return require.every((k) => k in v) && forbid.every((k) => !(k in v));
}

/** enum ∩ const over every member (JSON equality), or null when no member constrains values. */
function intersectConsts(members: Located[]): Json[] | null {
  let values: Json[] | null = null;
  for (const m of members) {
    if (!isObject(m.schema)) continue;
    const own: Json[][] = [];
    if ("const" in m.schema && appliesIn("const", m.dialect)) own.push([m.schema.const as Json]);
    if (Array.isArray(m.schema.enum)) own.push(m.schema.enum as Json[]);
    for (const list of own) {
      values = values === null ? dedupe(list) : values.filter((v) => list.some((w) => jsonEqual(v, w)));
    }
  }
  return values;
}

function dedupe(values: Json[]): Json[] {
  return values.filter((v, i) => values.findIndex((w) => jsonEqual(v, w)) === i);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
