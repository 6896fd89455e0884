import { isObject, type Json } from "../schema/json.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import { ALL_TYPES, type JsonType } from "./canon.js";
import { declaredTypes } from "./canonicalise.js";
import { isAppliedIn } from "../keywords/registry.js";
import { flatten } from "./flatten.js";
import { intersectJson } from "./json-equal.js";
import { child } from "./location.js";
import { intersectTypes, typeOfValue } from "./types.js";
import { Unsatisfiable } from "./unsatisfiable.js";

/**
 * A superset of the values a schema admits, cheap to compare: its types, its enum/const
 * values, and the values of the properties it requires (the tag of a tagged union).
 * Nested choices are ignored, which only widens the superset.
 */
export interface Outline {
  types: JsonType[];
  consts: Json[] | null;
  tags: Map<string, Json[]>;
  /** Keys an object must have. */
  required: string[];
  /** The only keys an object may have (additionalProperties: false, no patterns), or null. */
  closedTo: Set<string> | null;
}

const NOTHING: Outline = { types: [], consts: [], tags: new Map(), required: [], closedTo: null };

/** The outline of one schema, or an empty one when it is unsatisfiable on its face. */
export function outlineOf(l: Located, registry: SchemaRegistry): Outline {
  try {
    const flat = flatten([l], new Set(), registry, undefined, false);
    const types = flat.members.reduce<JsonType[]>((acc, m) => intersectTypes(acc, declaredTypes(m)), [...ALL_TYPES]);
    const consts = constsOf(flat.members);
    const tags = new Map<string, Json[]>();
    const required = requiredKeys(flat.members);
    for (const key of required) {
      const values = propertyConsts(flat.members, key, registry);
      if (values !== null) tags.set(key, values);
    }
    return { types, consts, tags, required, closedTo: closedKeys(flat.members) };
  } catch (e) {
    if (e instanceof Unsatisfiable) return NOTHING;
    throw e;
  }
}

/** True when no value can satisfy both outlines: no common type, no common constant, or a required tag with no common value. */
export function outlinesDisjoint(a: Outline, b: Outline): boolean {
  const types = intersectTypes(a.types, b.types);
  if (types.length === 0) return true;
  if (a.consts && b.consts && intersectJson(a.consts, b.consts).length === 0) return true;
  for (const c of [a.consts, b.consts]) if (c && !c.some((v) => admits(types, v))) return true;
  if (types.length !== 1 || types[0] !== "object") return false;
  for (const [key, values] of a.tags) {
    const other = b.tags.get(key);
    if (other && intersectJson(values, other).length === 0) return true;
  }
  // Externally tagged unions: each branch requires a key the other's closed key set forbids.
  if (b.closedTo && a.required.some((k) => !b.closedTo!.has(k))) return true;
  if (a.closedTo && b.required.some((k) => !a.closedTo!.has(k))) return true;
  return false;
}

/** The keys every closed member allows (additionalProperties: false, no patternProperties), intersected; null when no member is closed. */
function closedKeys(members: Located[]): Set<string> | null {
  const closed = members.filter((m) => {
    const s = m.schema as Record<string, unknown>;
    return s.additionalProperties === false && !(isObject(s.patternProperties) && Object.keys(s.patternProperties).length > 0);
  });
  if (closed.length === 0) return null;
  const keySets = closed.map((m) => Object.keys(asObject((m.schema as Record<string, unknown>).properties)));
  return new Set(keySets[0]!.filter((k) => keySets.every((ks) => ks.includes(k))));
}

function asObject(v: unknown): Record<string, unknown> {
  return isObject(v) ? v : {};
}

function admits(types: JsonType[], v: Json): boolean {
  const t = typeOfValue(v);
  return types.includes(t) || (t === "integer" && types.includes("number"));
}

function constsOf(members: Located[]): Json[] | null {
  let values: Json[] | null = null;
  for (const m of members) {
    const s = m.schema as Record<string, unknown>;
    const lists: Json[][] = [];
    if ("const" in s && isAppliedIn("const", m.dialect)) lists.push([s.const as Json]);
    if (Array.isArray(s.enum)) lists.push(s.enum as Json[]);
    for (const list of lists) values = values === null ? [...list] : intersectJson(values, list);
  }
  return values;
}

function requiredKeys(members: Located[]): string[] {
  const out = new Set<string>();
  for (const m of members) {
    const r = (m.schema as Record<string, unknown>).required;
    if (Array.isArray(r)) for (const k of r) if (typeof k === "string") out.add(k);
  }
  return [...out];
}

/** The constants a required property is limited to by the members' `properties`, or null. */
export function propertyConsts(members: Located[], key: string, registry: SchemaRegistry): Json[] | null {
  const flat = propertyMembers(members, key, registry);
  return flat === null ? null : constsOf(flat);
}

/**
 * The values the members' `properties` allow at `key` as far as types and enum/const tell
 * (choices ignored, which only widens them): null when no member names the key.
 */
export function propertyValues(members: Located[], key: string, registry: SchemaRegistry): { types: JsonType[]; consts: Json[] | null } | null {
  const flat = propertyMembers(members, key, registry);
  if (flat === null) return null;
  const types = flat.reduce<JsonType[]>((acc, m) => intersectTypes(acc, declaredTypes(m)), [...ALL_TYPES]);
  const consts = constsOf(flat);
  return { types, consts: consts === null ? null : consts.filter((v) => admits(types, v)) };
}

function propertyMembers(members: Located[], key: string, registry: SchemaRegistry): Located[] | null {
  const schemas: Located[] = [];
  for (const m of members) {
    const props = (m.schema as Record<string, unknown>).properties;
    if (isObject(props) && Object.prototype.hasOwnProperty.call(props, key)) {
      const c = child(m, registry, "properties", key);
      if (c) schemas.push(c);
    }
  }
  if (schemas.length === 0) return null;
  return flatten(schemas, new Set(), registry, undefined, false).members;
}
