import { isObject } from "../schema/json.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import { hasKeyword, isAppliedIn } from "../keywords/registry.js";
import { evaluatesMember, memberSteps } from "./applicable.js";
import { child } from "./location.js";
import { subtreeOf } from "./subtree.js";

/** The merged object constraints of a conjunction, computed per key because additionalProperties is per member. */
export interface ObjectShape {
  required: string[];
  /** Keys some member names in `properties`. */
  named: string[];
  /** Regex sources of patternProperties, to draw extra keys from. */
  patterns: string[];
  /** True when a key outside `named` and every pattern may still be added. */
  anyKeyAllowed: boolean;
  minProperties: number;
  maxProperties: number;
  propertyNames: Located[];
  dependentRequired: Map<string, string[]>;
  /** Kept for callers; schema-valued dependencies are disjunctions of the canon now (see flatten). */
  dependentSchemas: Map<string, Located[]>;
  /** Keywords the construction does not honour exactly (checked by the oracle instead). */
  inexact: string[];
  /** Keys no value may have (a chosen dependentSchemas branch). */
  forbidden: string[];
  /** The schemas the value at `key` must satisfy, or "forbidden". */
  childFor(key: string): Located[] | "forbidden";
}

export interface ObjectShapeExtras {
  /** Member key → parent member key (Canon.parents), for unevaluatedProperties. */
  parents?: ReadonlyMap<string, string>;
  require?: string[];
  forbid?: string[];
}

export function objectShape(members: Located[], registry: SchemaRegistry, extras: ObjectShapeExtras = {}): ObjectShape {
  const objects = members.filter((m) => isObject(m.schema));
  const schemaOf = (m: Located) => m.schema as Record<string, unknown>;
  const evaluation = new Evaluation(objects, extras.parents);
  const forbidden = extras.forbid ?? [];
  const shape: ObjectShape = {
    required: unique([...objects.flatMap((m) => stringList(schemaOf(m).required)), ...(extras.require ?? [])]),
    named: unique(objects.flatMap((m) => Object.keys(asRecord(schemaOf(m).properties)))),
    patterns: unique(objects.flatMap((m) => Object.keys(asRecord(schemaOf(m).patternProperties)))),
    anyKeyAllowed: true,
    minProperties: Math.max(0, ...objects.map((m) => numberOr(schemaOf(m).minProperties, 0))),
    maxProperties: Math.min(Infinity, ...objects.map((m) => numberOr(schemaOf(m).maxProperties, Infinity))),
    propertyNames: objects.filter((m) => "propertyNames" in schemaOf(m) && isAppliedIn("propertyNames", m.dialect)).map((m) => child(m, registry, "propertyNames")!),
    dependentRequired: new Map(),
    dependentSchemas: new Map(),
    inexact: [],
    forbidden,
    childFor: (key) => (forbidden.includes(key) ? "forbidden" : childSchemas(objects, registry, key, evaluation)),
  };
  shape.anyKeyAllowed = freshKeySchemas(objects, registry, evaluation) !== "forbidden";
  for (const m of objects) collectDependentRequired(m, shape);
  return shape;
}

/** properties[key], every matching patternProperties, else additionalProperties; then unevaluatedProperties where nothing below evaluated the key — per member. */
function childSchemas(objects: Located[], registry: SchemaRegistry, key: string, evaluation: Evaluation): Located[] | "forbidden" {
  const out: Located[] = [];
  for (const m of objects) {
    for (const tokens of memberSteps(m.schema as Record<string, unknown>, key)) pushChild(out, child(m, registry, ...tokens));
    if (evaluation.judgesUnevaluated(m) && !evaluation.evaluates(m, key)) pushChild(out, child(m, registry, "unevaluatedProperties"));
  }
  return out.some((l) => l.schema === false) ? "forbidden" : out;
}

/** What a key that no `properties` names and no pattern matches must satisfy. */
export function freshKeySchemas(objects: Located[], registry: SchemaRegistry, evaluation: Evaluation): Located[] | "forbidden" {
  const out: Located[] = [];
  for (const m of objects) {
    const s = m.schema as Record<string, unknown>;
    if ("additionalProperties" in s) pushChild(out, child(m, registry, "additionalProperties"));
    if (evaluation.judgesUnevaluated(m) && !evaluation.evaluatesFreshKeys(m)) pushChild(out, child(m, registry, "unevaluatedProperties"));
  }
  return out.some((l) => l.schema === false) ? "forbidden" : out;
}

/** A subschema that is not a schema (`"properties": {"a": ["x"]}`, seen in real schemas) asserts nothing here. */
function pushChild(out: Located[], c: Located | undefined): void {
  if (c) out.push(c);
}

/**
 * Which keys the members below a member evaluate (properties, patternProperties,
 * additionalProperties, a nested unevaluatedProperties). Annotations of schemas under
 * `not`, of failed `if`s and of branches not chosen are never counted: counting fewer
 * evaluated keys only narrows what is generated, so it stays valid.
 */
export class Evaluation {
  private readonly subtrees = new Map<Located, Located[]>();
  constructor(
    private readonly objects: Located[],
    private readonly parents: ReadonlyMap<string, string> | undefined,
  ) {}

  judgesUnevaluated(m: Located): boolean {
    return hasKeyword(m.schema as object, "unevaluatedProperties", m.dialect);
  }

  evaluates(m: Located, key: string): boolean {
    return this.subtree(m).some((x) => evaluatesMember(x.schema as Record<string, unknown>, key) || evaluatesAll(x, m));
  }

  evaluatesFreshKeys(m: Located): boolean {
    return this.subtree(m).some((x) => evaluatesAll(x, m));
  }

  private subtree(m: Located): Located[] {
    let sub = this.subtrees.get(m);
    if (!sub) {
      sub = subtreeOf(m, this.objects, this.parents);
      this.subtrees.set(m, sub);
    }
    return sub;
  }
}

/** additionalProperties evaluates every key; so does an unevaluatedProperties below the member asking. */
function evaluatesAll(x: Located, asking: Located): boolean {
  const s = x.schema as Record<string, unknown>;
  if ("additionalProperties" in s) return true;
  return x !== asking && hasKeyword(s, "unevaluatedProperties", x.dialect);
}

/** dependentRequired (2019-09+) and the array form of dependencies (every dialect, as ajv applies it). */
function collectDependentRequired(m: Located, shape: ObjectShape): void {
  const s = m.schema as Record<string, unknown>;
  const add = (key: string, values: string[]) => shape.dependentRequired.set(key, unique([...(shape.dependentRequired.get(key) ?? []), ...values]));
  if (isAppliedIn("dependentRequired", m.dialect)) for (const [key, dep] of Object.entries(asRecord(s.dependentRequired))) add(key, stringList(dep));
  for (const [key, dep] of Object.entries(asRecord(s.dependencies))) if (Array.isArray(dep)) add(key, stringList(dep));
}

function asRecord(v: unknown): Record<string, unknown> {
  return isObject(v) ? v : {};
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === "number" ? v : fallback;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
