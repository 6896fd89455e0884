import type { Arbitrary } from "fast-check";
import { failsAsItself } from "../../keywords/registry.js";
import { isObject, type Json } from "../../schema/json.js";
import { joinPointer } from "../../schema/pointer.js";
import type { Located, SchemaDocument } from "../../schema/registry.js";
import type { GenContext } from "../valid/context.js";
import type { Applied, Site } from "./applied.js";
import { withKey } from "./instance.js";

/** One broken keyword: the new value at the site and where the break is, in schema and instance. */
export interface Violation {
  /** The value that replaces the site's value. */
  value: Json;
  keyword: string;
  /** Evaluation path of the broken keyword from the target root (through $ref). */
  schemaPath: string;
  /** Where the broken keyword is written: its document and its pointer there. */
  location: { document: SchemaDocument; pointer: string };
  /** Tokens from the site to the value that breaks the keyword (empty: the site's value itself). */
  instance: string[];
}

/** What a mutator may ask for besides the site: valid and invalid values of other schemas. */
export interface MutationEnv {
  ctx: GenContext;
  /** The generation depth of a value placed one level below the site. */
  depthBelow(site: Site): number;
  /** Valid values of a conjunction; undefined when it has none (or cannot be built). */
  valid(spec: { roots: Located[]; nots?: Located[]; decided?: string[] }, depth: number): Arbitrary<Json> | undefined;
  /** A fresh value that breaks one keyword of `roots` (violation relative to that value); undefined beyond the nesting budget. */
  invalid(roots: Applied[], depth: number): Arbitrary<Violation | null> | undefined;
  /** A keyword broken in an existing value, as if it were valid under `roots`; violation relative to that value. */
  violationsOf(value: Json, roots: Applied[], depth: number): Arbitrary<Violation | null>;
}

/**
 * One keyword's way of being broken (ajv's lib/vocabularies/<vocab>/<keyword>.ts is the model).
 * `appliesTo` says whether the keyword, as written in `member`, can be broken at this site's value;
 * `violate` draws breaking replacements (null when a draw finds none).
 */
export interface Mutator {
  keyword: string;
  appliesTo(member: Applied, site: Site, env: MutationEnv): boolean;
  violate(member: Applied, site: Site, env: MutationEnv): Arbitrary<Violation | null>;
  /** A reason no instance can break this occurrence of the keyword, if there is one (for coverage). */
  unbreakable?(schema: Record<string, unknown>, located: Located, ctx: GenContext): string | undefined;
}

export function schemaOf(a: Applied): Record<string, unknown> {
  return isObject(a.located.schema) ? a.located.schema : {};
}

/** The violation of `keyword` as written in `member`, by `value` at the site (or below it). */
export function breaking(member: Applied, keyword: string, value: Json, instance: string[] = []): Violation {
  return {
    value,
    keyword,
    schemaPath: joinPointer(member.evalPath, keyword),
    location: { document: member.located.document, pointer: joinPointer(member.located.pointer, keyword) },
    instance,
  };
}

/**
 * A `false` subschema broken by any value there: labelled with its keyword when it is the
 * keyword's whole value (additionalProperties: false), else "false" (properties/x: false, prefixItems/0: false).
 */
export function breakingFalse(falseSchema: Applied, value: Json, instance: string[]): Violation {
  const last = falseSchema.evalPath.slice(falseSchema.evalPath.lastIndexOf("/") + 1);
  return {
    value,
    keyword: failsAsItself(last) ? last : "false",
    schemaPath: falseSchema.evalPath,
    location: { document: falseSchema.located.document, pointer: falseSchema.located.pointer },
    instance,
  };
}

/** A violation found inside a fresh value, moved under `key` of the site's object. */
export function nestedUnderKey(obj: Record<string, Json>, key: string, inner: Violation): Violation {
  return { ...inner, value: withKey(obj, key, inner.value), instance: [key, ...inner.instance] };
}

/** A violation found inside a fresh item appended to the site's array. */
export function nestedAsItem(arr: Json[], inner: Violation): Violation {
  return { ...inner, value: [...arr, inner.value], instance: [String(arr.length), ...inner.instance] };
}
