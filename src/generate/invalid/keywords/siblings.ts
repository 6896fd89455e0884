import { child, locationUri } from "../../../canonical/location.js";
import { resolveReference } from "../../../canonical/references.js";
import { isObject, type Json } from "../../../schema/json.js";
import type { GenContext } from "../../valid/context.js";
import { checkOf, type Applied } from "../applied.js";
import { isAppliedIn, isEvaluated, keywordNamed, unitOf } from "../../../keywords/registry.js";
import { jsonEqual } from "../../../canonical/json-equal.js";
import { typeAllows, typesAllowedAt } from "./type.js";

/** Keywords whose verdict rests on the annotations of all the others (the unevaluated vocabulary) or on the dynamic scope: not judged here. */
function restsOnOthers(k: string): boolean {
  return keywordNamed(k)?.vocabulary === "unevaluated" || k === "$dynamicRef" || k === "$recursiveRef";
}

/**
 * True when `value`, put where `member` applies, still satisfies every keyword of `member`
 * other than `keyword` (and the keywords read with it): a payload labelled `keyword` must
 * break that keyword alone, or a validator that ignores it is still caught by another.
 * Applicators are judged through their subschemas, type/enum/const directly, the other
 * keywords by ajv's own errors (all errors of the schema object, on this value).
 */
export function siblingsHold(member: Applied, keyword: string, value: Json, ctx: GenContext): boolean {
  const schema = member.located.schema;
  if (!isObject(schema)) return true;
  const skip = new Set(unitOf(keyword, member.located.dialect));
  const rest = Object.keys(schema).filter((k) => !skip.has(k) && !restsOnOthers(k) && isEvaluated(k) && isAppliedIn(k, member.located.dialect));
  return rest.every((k) => holds(member, k, value, ctx));
}

/** One sibling keyword on the value. */
function holds(member: Applied, keyword: string, value: Json, ctx: GenContext): boolean {
  const l = member.located;
  const sub = (...tokens: string[]) => {
    const c = child(l, ctx.registry, ...tokens);
    return c ? checkOf(ctx, c)(value) : true;
  };
  const schema = l.schema as Record<string, unknown>;
  const list = (k: string) => (Array.isArray(schema[k]) ? (schema[k] as unknown[]).map((_, i) => sub(k, String(i))) : []);
  switch (keyword) {
    case "allOf":
      return list("allOf").every(Boolean);
    case "anyOf":
      return list("anyOf").length === 0 || list("anyOf").some(Boolean);
    case "oneOf":
      return list("oneOf").filter(Boolean).length === 1;
    case "not":
      return !sub("not");
    case "if":
    case "then":
    case "else":
      return ifUnitHolds(member, value, ctx);
    case "$ref": {
      if (l.dialect !== "2019-09" && l.dialect !== "2020-12") return true;
      const target = resolveReference(l, ctx.registry);
      return !target || checkOf(ctx, target)(value);
    }
    case "properties":
    case "patternProperties":
    case "additionalProperties":
      return propertiesHold(member, value, ctx);
    case "prefixItems":
    case "items":
    case "additionalItems":
      return itemsHold(member, value, ctx);
    case "type":
    case "nullable": {
      const types = typesAllowedAt(l);
      return types === undefined || typeAllows(types, value);
    }
    case "enum":
      return !Array.isArray(schema.enum) || schema.enum.some((x) => jsonEqual(x as Json, value));
    case "const":
      return jsonEqual(schema.const as Json, value);
    default:
      return !ctx.oracle.explains(locationUri(l), l.dialect, value, keyword, "", { stage: "invalid generation" });
  }
}

function ifUnitHolds(member: Applied, value: Json, ctx: GenContext): boolean {
  const l = member.located;
  const schema = l.schema as Record<string, unknown>;
  if (!("if" in schema)) return true;
  const at = (k: string) => {
    const c = k in schema ? child(l, ctx.registry, k) : undefined;
    return c ? checkOf(ctx, c)(value) : true;
  };
  return at("if") ? at("then") : at("else");
}

/** Each property value satisfies its `properties` entry, every matching pattern, else additionalProperties. */
function propertiesHold(member: Applied, value: Json, ctx: GenContext): boolean {
  if (!isObject(value)) return true;
  const l = member.located;
  const schema = l.schema as Record<string, unknown>;
  const props = isObject(schema.properties) ? schema.properties : {};
  const patterns = isObject(schema.patternProperties) ? Object.keys(schema.patternProperties) : [];
  const at = (tokens: string[], v: Json) => {
    const c = child(l, ctx.registry, ...tokens);
    return c ? checkOf(ctx, c)(v) : true;
  };
  return Object.entries(value).every(([key, v]) => {
    const named = Object.prototype.hasOwnProperty.call(props, key);
    const matching = patterns.filter((p) => matches(p, key));
    if (named && !at(["properties", key], v)) return false;
    if (!matching.every((p) => at(["patternProperties", p], v))) return false;
    return named || matching.length > 0 || !("additionalProperties" in schema) || at(["additionalProperties"], v);
  });
}

/** Each item satisfies the schema of its position: the tuple's entry, else the rest keyword. */
function itemsHold(member: Applied, value: Json, ctx: GenContext): boolean {
  if (!Array.isArray(value)) return true;
  const l = member.located;
  const schema = l.schema as Record<string, unknown>;
  const tupleKeyword = l.dialect === "2020-12" ? "prefixItems" : "items";
  const tuple = Array.isArray(schema[tupleKeyword]) ? (schema[tupleKeyword] as unknown[]) : undefined;
  const restKeyword = tuple ? (l.dialect === "2020-12" ? "items" : "additionalItems") : "items";
  const at = (tokens: string[], v: Json) => {
    const c = child(l, ctx.registry, ...tokens);
    return c ? checkOf(ctx, c)(v) : true;
  };
  return value.every((item, i) => {
    if (tuple && i < tuple.length) return at([tupleKeyword, String(i)], item);
    return !(restKeyword in schema) || Array.isArray(schema[restKeyword]) || at([restKeyword], item);
  });
}

function matches(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, "u").test(key);
  } catch {
    return false;
  }
}
