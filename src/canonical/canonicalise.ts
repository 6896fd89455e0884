import type { Json } from "../schema/json.js";
import { isObject } from "../schema/json.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import { ALL_TYPES, type Canon, type CanonInput, type JsonType } from "./canon.js";
import { flatten } from "./flatten.js";
import { jsonEqual } from "./json-equal.js";
import { locationKey } from "./location.js";
import { Unsatisfiable } from "./unsatisfiable.js";
import { intersectTypes, typeOfValue } from "./types.js";

/** Builds the canonical form of a conjunction; throws Unsatisfiable when it has no instance. */
export function canonicalise(input: CanonInput, registry: SchemaRegistry): Canon {
  const decided = new Set(input.decided);
  const flat = flatten(input.roots, decided, registry);
  const nots = [...input.nots, ...flat.nots];
  let types = flat.members.reduce<JsonType[]>((acc, m) => intersectTypes(acc, declaredTypes(m)), [...ALL_TYPES]);
  const absorbed = absorbTypeNegations(types, nots);
  types = absorbed.types;
  let consts = intersectConsts(flat.members);
  if (consts !== null) consts = consts.filter((v) => types.includes(typeOfValue(v)) || (typeOfValue(v) === "integer" && types.includes("number")));
  if (consts !== null && consts.length === 0) throw new Unsatisfiable("no value of enum/const satisfies the other constraints");
  if (types.length === 0) throw new Unsatisfiable("no type satisfies every `type`");
  return {
    key: canonKey(input),
    members: flat.members,
    nots: absorbed.nots,
    disjunctions: flat.disjunctions,
    types,
    consts,
    decided: input.decided,
  };
}

export function canonKey(input: CanonInput): string {
  const roots = input.roots.map(locationKey).sort().join(",");
  const nots = input.nots.map(locationKey).sort().join(",");
  return `${roots}|${nots}|${[...input.decided].sort().join(",")}`;
}

function declaredTypes(m: Located): JsonType[] {
  const t = isObject(m.schema) ? m.schema.type : undefined;
  if (typeof t === "string") return t === "any" ? [...ALL_TYPES] : [t as JsonType];
  if (Array.isArray(t)) return t.filter((x): x is JsonType => typeof x === "string") as JsonType[];
  return [...ALL_TYPES];
}

/** enum ∩ const over every member (JSON equality), or null when no member constrains values. */
function intersectConsts(members: Located[]): Json[] | null {
  let values: Json[] | null = null;
  for (const m of members) {
    if (!isObject(m.schema)) continue;
    const own: Json[][] = [];
    if ("const" in m.schema && m.dialect !== "draft-04") own.push([m.schema.const as Json]);
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

/** `not: {type: X}` removes X from the allowed types, so no filter is needed for it. */
function absorbTypeNegations(types: JsonType[], nots: Located[]): { types: JsonType[]; nots: Located[] } {
  const kept: Located[] = [];
  for (const n of nots) {
    if (n.schema === true) throw new Unsatisfiable(`not: true at ${n.pointer}`);
    const s = n.schema;
    const onlyType = isObject(s) && Object.keys(s).every((k) => k === "type" || isAnnotation(k)) && s.type !== undefined;
    if (!onlyType) {
      if (s !== false) kept.push(n);
      continue;
    }
    const excluded = declaredTypes(n);
    types = types.filter((t) => !excluded.includes(t));
    if (excluded.includes("integer") && !excluded.includes("number") && types.includes("number")) kept.push(n);
  }
  return { types, nots: kept };
}

function isAnnotation(keyword: string): boolean {
  return ["title", "description", "default", "examples", "$comment", "$schema", "deprecated", "readOnly", "writeOnly"].includes(keyword);
}
