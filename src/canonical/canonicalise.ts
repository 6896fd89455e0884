import type { Json } from "../schema/json.js";
import { isObject } from "../schema/json.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import { ALL_TYPES, type Canon, type CanonInput, type JsonType } from "./canon.js";
import { refHidesSiblings } from "../keywords/dialects.js";
import { hooksIn, isAppliedIn } from "../keywords/registry.js";
import { propertyValues } from "./disjoint.js";
import { flatten, type Flattened } from "./flatten.js";
import { intersectJson, uniqueJson } from "./json-equal.js";
import { child, locationKey } from "./location.js";
import { absorbNegations } from "./negations.js";
import { keywordSites, Unsatisfiable } from "./unsatisfiable.js";
import { intersectTypes, typeOfValue } from "./types.js";

/** Builds the canonical form of a conjunction; throws Unsatisfiable when it has no instance. */
export function canonicalise(input: CanonInput, registry: SchemaRegistry): Canon {
  const decided = new Set(input.decided);
  const flat = flattenWithDoubleNegations(input, decided, registry);
  let require = unique(input.require ?? []);
  let types = flat.members.reduce<JsonType[]>((acc, m) => intersectTypes(acc, declaredTypes(m)), [...ALL_TYPES]);
  if (input.types) types = intersectTypes(types, input.types);
  if (require.length > 0) types = intersectTypes(types, ["object"]);
  const absorbed = absorbNegations(types, flat.nots, new Set([...require, ...requiredByMembers(flat.members)]));
  types = absorbed.types;
  require = unique([...require, ...absorbed.require]);
  const forbid = unique([...(input.forbid ?? []), ...absorbed.forbid]);
  const clash = require.find((k) => forbid.includes(k));
  if (clash !== undefined) throw new Unsatisfiable(`property "${clash}" is both required (${keywordSites(flat.members, "required", "dependentSchemas", "dependencies")}) and forbidden (by a chosen branch or a negation)`);
  if (types.length === 0) throw new Unsatisfiable(`no type satisfies every type: ${keywordSites([...flat.members, ...flat.nots], "type")}`);
  if (types.includes("object")) {
    const onlyObjects = types.length === 1 || require.length > 0;
    const conflict = requiredValueConflict(flat.members, unique([...require, ...requiredByMembers(flat.members)]), registry);
    if (conflict && onlyObjects) throw new Unsatisfiable(conflict);
    if (conflict) types = types.filter((t) => t !== "object");
  }
  const consts = allowedConsts(flat.members, types, require, forbid);
  const parents = new Map([...(input.parents ?? []), ...flat.parents]);
  return { key: canonKey(input), members: flat.members, nots: absorbed.nots, disjunctions: flat.disjunctions, types, consts, decided: input.decided, require, forbid, parents, carried: { nots: input.nots, forbid: unique(input.forbid ?? []) } };
}

/**
 * Flattens the roots; a negation of a negation (`not: {not: X}`, or an `if: {not: X}` whose
 * else-branch negates it) turns X into a member, and the roots are flattened again.
 */
function flattenWithDoubleNegations(input: CanonInput, decided: ReadonlySet<string>, registry: SchemaRegistry): Flattened {
  let roots = input.roots;
  for (;;) {
    const flat = flatten(roots, decided, registry, input.parents);
    const nots = [...input.nots, ...flat.nots].flatMap((n) => negatedAlternatives(n, registry));
    const positives = nots.map((n) => innerOfDoubleNegation(n, registry)).filter((x): x is Located => x !== undefined);
    const fresh = positives.filter((p) => !roots.some((r) => locationKey(r) === locationKey(p)));
    if (fresh.length === 0) return { ...flat, nots: nots.filter((n) => innerOfDoubleNegation(n, registry) === undefined) };
    roots = [...roots, ...fresh];
  }
}

/**
 * `not: {anyOf: [A, B…]}` is `not: A` and `not: B`…: each alternative becomes a negation of its
 * own, which absorbNegations may settle by construction (`not: {anyOf: [{required: [k]}…]}`
 * leaves every k out) instead of one check on every candidate. Other negations stay as they are.
 */
function negatedAlternatives(n: Located, registry: SchemaRegistry): Located[] {
  if (!isObject(n.schema) || !Array.isArray(n.schema.anyOf)) return [n];
  const others = Object.keys(n.schema).filter((k) => k !== "anyOf" && !NON_ASSERTIONS.has(k));
  if (others.length > 0 || (refHidesSiblings(n.dialect) && "$ref" in n.schema)) return [n];
  const alternatives = n.schema.anyOf.map((_, i) => child(n, registry, "anyOf", String(i)));
  if (alternatives.some((a) => a === undefined)) return [n];
  return (alternatives as Located[]).flatMap((a) => negatedAlternatives(a, registry));
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

/** The types a member allows by `type` (all when it says nothing), as keyword hooks widen them (nullable). */
export function declaredTypes(m: Located): JsonType[] {
  const t = isObject(m.schema) ? m.schema.type : undefined;
  if (typeof t === "string") return typesWidened(m, (ALL_TYPES as readonly string[]).includes(t) ? [t as JsonType] : []);
  if (Array.isArray(t)) return typesWidened(m, t.filter((x): x is JsonType => typeof x === "string" && (ALL_TYPES as readonly string[]).includes(x)));
  return [...ALL_TYPES];
}

/** `types` after the allowedTypes hooks of the keywords written beside `type` (src/keywords/). */
export function typesWidened(m: Pick<Located, "schema" | "dialect">, types: JsonType[]): JsonType[] {
  if (!isObject(m.schema)) return types;
  let out: string[] = types;
  for (const { keyword, value } of hooksIn(m.schema, m.dialect)) if (keyword.hooks?.allowedTypes) out = keyword.hooks.allowedTypes(value, m.schema, out);
  return out.filter((x): x is JsonType => (ALL_TYPES as readonly string[]).includes(x));
}

function requiredByMembers(members: Located[]): string[] {
  return members.flatMap((m) => {
    const r = (m.schema as Record<string, unknown>).required;
    return Array.isArray(r) ? r.filter((k): k is string => typeof k === "string") : [];
  });
}

/**
 * A required key whose value no enum/const of the members' `properties` allows: the object is
 * impossible (the tag of a tagged union chosen twice, by two if/then). Found here, when the
 * branch is chosen, rather than after every later choice is made. Returns the reason, or null.
 */
function requiredValueConflict(members: Located[], required: string[], registry: SchemaRegistry): string | null {
  for (const key of required) {
    let values: ReturnType<typeof propertyValues>;
    try {
      values = propertyValues(members, key, registry);
    } catch (e) {
      if (e instanceof Unsatisfiable) return `required property "${key}": ${e.reason}`;
      continue; // an unresolvable reference is reported where the value is built
    }
    if (values !== null && (values.types.length === 0 || values.consts?.length === 0)) {
      const sites = members.filter((m) => isObject((m.schema as Record<string, unknown>).properties) && Object.prototype.hasOwnProperty.call((m.schema as Record<string, Record<string, unknown>>).properties, key));
      return `required property "${key}" has no value that every type and enum/const allows (${sites.map((m) => `properties/${key} at ${m.pointer || "/"}`).join(", ")})`;
    }
  }
  return null;
}

function admitsValue(types: JsonType[], v: Json): boolean {
  const t = typeOfValue(v);
  return types.includes(t) || (t === "integer" && types.includes("number"));
}

function keysAllowed(v: Json, require: string[], forbid: string[]): boolean {
  if (!isObject(v)) return require.length === 0;
  return require.every((k) => k in v) && forbid.every((k) => !(k in v));
}

/**
 * The enum/const values every member allows that also have an allowed type and the keys the
 * choices made require and forbid; null when no member constrains values. Throws Unsatisfiable
 * naming the keywords when none is left.
 */
function allowedConsts(members: Located[], types: JsonType[], require: string[], forbid: string[]): Json[] | null {
  const listed = intersectConsts(members);
  if (listed === null) return null;
  const sites = keywordSites(members, "enum", "const");
  if (listed.length === 0) throw new Unsatisfiable(`${sites} have no value in common`);
  const typed = listed.filter((v) => admitsValue(types, v));
  if (typed.length === 0) throw new Unsatisfiable(`no value of ${sites} has a type allowed by ${keywordSites(members, "type")} (${types.join(", ")})`);
  const keyed = typed.filter((v) => keysAllowed(v, require, forbid));
  if (keyed.length === 0) throw new Unsatisfiable(`no value of ${sites} has the keys ${JSON.stringify(require)} and none of ${JSON.stringify(forbid)}`);
  return keyed;
}

/** enum ∩ const over every member (JSON equality, in linear time), or null when no member constrains values. */
function intersectConsts(members: Located[]): Json[] | null {
  let values: Json[] | null = null;
  for (const m of members) {
    if (!isObject(m.schema)) continue;
    const own: Json[][] = [];
    if ("const" in m.schema && isAppliedIn("const", m.dialect)) own.push([m.schema.const as Json]);
    if (Array.isArray(m.schema.enum)) own.push(m.schema.enum as Json[]);
    for (const list of own) values = values === null ? uniqueJson(list) : intersectJson(values, list);
  }
  return values;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
