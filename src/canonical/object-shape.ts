import { isObject } from "../schema/json.js";
import type { Located, SchemaRegistry } from "../schema/registry.js";
import { child } from "./location.js";

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
  dependentSchemas: Map<string, Located[]>;
  /** Keywords the construction does not honour exactly (checked by the oracle instead). */
  inexact: string[];
  /** The schemas the value at `key` must satisfy, or "forbidden". */
  childFor(key: string): Located[] | "forbidden";
}

export function objectShape(members: Located[], registry: SchemaRegistry): ObjectShape {
  const objects = members.filter((m) => isObject(m.schema));
  const schemaOf = (m: Located) => m.schema as Record<string, unknown>;
  const shape: ObjectShape = {
    required: unique(objects.flatMap((m) => stringList(schemaOf(m).required))),
    named: unique(objects.flatMap((m) => Object.keys(asRecord(schemaOf(m).properties)))),
    patterns: unique(objects.flatMap((m) => Object.keys(asRecord(schemaOf(m).patternProperties)))),
    anyKeyAllowed: objects.every((m) => allowsUnnamedKeys(schemaOf(m))),
    minProperties: Math.max(0, ...objects.map((m) => numberOr(schemaOf(m).minProperties, 0))),
    maxProperties: Math.min(Infinity, ...objects.map((m) => numberOr(schemaOf(m).maxProperties, Infinity))),
    propertyNames: objects.filter((m) => "propertyNames" in schemaOf(m)).map((m) => child(m, registry, "propertyNames")!),
    dependentRequired: new Map(),
    dependentSchemas: new Map(),
    inexact: [],
    childFor: (key) => childSchemas(objects, registry, key),
  };
  for (const m of objects) collectDependencies(m, registry, shape);
  if (objects.some((m) => "unevaluatedProperties" in schemaOf(m))) shape.inexact.push("unevaluatedProperties");
  return shape;
}

/** properties[key], every matching patternProperties, else additionalProperties — per member. */
function childSchemas(objects: Located[], registry: SchemaRegistry, key: string): Located[] | "forbidden" {
  const out: Located[] = [];
  for (const m of objects) {
    const s = m.schema as Record<string, unknown>;
    let matched = false;
    if (Object.prototype.hasOwnProperty.call(asRecord(s.properties), key)) {
      out.push(child(m, registry, "properties", key)!);
      matched = true;
    }
    for (const p of Object.keys(asRecord(s.patternProperties))) {
      if (safeTest(p, key)) {
        out.push(child(m, registry, "patternProperties", p)!);
        matched = true;
      }
    }
    if (!matched && "additionalProperties" in s) out.push(child(m, registry, "additionalProperties")!);
    if (!matched && !("additionalProperties" in s) && s.unevaluatedProperties === false) return "forbidden";
  }
  return out.some((l) => l.schema === false) ? "forbidden" : out;
}

function collectDependencies(m: Located, registry: SchemaRegistry, shape: ObjectShape): void {
  const s = m.schema as Record<string, unknown>;
  const add = <T>(map: Map<string, T[]>, key: string, values: T[]) => map.set(key, [...(map.get(key) ?? []), ...values]);
  for (const [key, dep] of Object.entries(asRecord(s.dependentRequired))) add(shape.dependentRequired, key, stringList(dep));
  for (const key of Object.keys(asRecord(s.dependentSchemas))) add(shape.dependentSchemas, key, [child(m, registry, "dependentSchemas", key)!]);
  for (const [key, dep] of Object.entries(asRecord(s.dependencies))) {
    if (Array.isArray(dep)) add(shape.dependentRequired, key, stringList(dep));
    else add(shape.dependentSchemas, key, [child(m, registry, "dependencies", key)!]);
  }
}

function allowsUnnamedKeys(s: Record<string, unknown>): boolean {
  return s.additionalProperties !== false && s.unevaluatedProperties !== false;
}

export function safeTest(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, "u").test(key);
  } catch {
    return false;
  }
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
