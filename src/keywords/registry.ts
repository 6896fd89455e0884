import { applicatorVocabulary } from "./applicator/index.js";
import { contentVocabulary } from "./content/index.js";
import { coreVocabulary } from "./core/index.js";
import { DIALECTS, within, type Dialect } from "./dialects.js";
import { formatVocabulary } from "./format/index.js";
import { userFormat } from "./formats.js";
import type { InstanceType, Keyword, SubschemaShape } from "./keyword.js";
import { metaDataVocabulary } from "./meta-data/index.js";
import { openapiVocabulary } from "./openapi/index.js";
import { unevaluatedVocabulary } from "./unevaluated/index.js";
import { validationVocabulary } from "./validation/index.js";

/** The built-in vocabularies; a dialect is the keywords of these its specification has (each keyword's since/until). */
export const VOCABULARIES: ReadonlyArray<readonly Keyword[]> = [
  coreVocabulary, applicatorVocabulary, unevaluatedVocabulary, validationVocabulary, formatVocabulary, contentVocabulary, metaDataVocabulary,
  openapiVocabulary,
];

const byName = new Map<string, Keyword>(VOCABULARIES.flat().map((k) => [k.name, k]));
/** The keywords that hold subschemas, in registry order (computed again when users add keywords). */
let withSubschemas: Keyword[] = [...byName.values()].filter((k) => k.subschemas !== undefined);
let hooked: Keyword[] = [...byName.values()].filter((k) => k.hooks !== undefined);

/** Adds a user's keyword (`--keyword module:…`); a built-in keyword cannot be replaced. */
export function registerKeyword(k: Keyword): void {
  const known = byName.get(k.name);
  if (known && !userKeywords.has(k.name)) throw new Error(`"${k.name}" is a built-in keyword and cannot be redefined`);
  byName.set(k.name, k);
  userKeywords.add(k.name);
  withSubschemas = [...byName.values()].filter((x) => x.subschemas !== undefined);
  hooked = [...byName.values()].filter((x) => x.hooks !== undefined);
}
const userKeywords = new Set<string>();

/** Removes the users' keywords again (tests; a library caller running campaigns with different keyword sets). */
export function forgetUserKeywords(): void {
  for (const name of userKeywords) byName.delete(name);
  userKeywords.clear();
  for (const k of VOCABULARIES.flat()) byName.set(k.name, k);
  withSubschemas = [...byName.values()].filter((x) => x.subschemas !== undefined);
  hooked = [...byName.values()].filter((x) => x.hooks !== undefined);
}

/** The keywords with hooks (nullable, users' keywords): the stages consult these besides their own rules. */
export function keywordsWithHooks(): Keyword[] {
  return allKeywords().filter((k) => k.hooks !== undefined);
}

/** The keywords random schemas write (those with a `random` fact). */
export function keywordsWithRandom(): Keyword[] {
  return allKeywords().filter((k) => k.random !== undefined);
}

/** The keyword's hooks where it is written in `schema` and applied in `dialect`. */
export function hooksIn(schema: object, dialect: Dialect): Array<{ keyword: Keyword; value: unknown }> {
  const out: Array<{ keyword: Keyword; value: unknown }> = [];
  for (const k of hooked) if (k.name in schema && isAppliedIn(k.name, dialect)) out.push({ keyword: k, value: (schema as Record<string, unknown>)[k.name] });
  return out;
}

/** The keywords whose values hold subschemas. */
export function keywordsWithSubschemas(): readonly Keyword[] {
  return withSubschemas;
}

/** The keyword named `name`, whatever the dialect; undefined for a word no vocabulary has. */
export function keywordNamed(name: string): Keyword | undefined {
  return byName.get(name);
}

/** Every keyword known (built-in and the users'). */
export function allKeywords(): Keyword[] {
  return [...byName.values()];
}

/** True when `name` is a keyword of `dialect`'s specification: judged, generated, labelled and counted there. */
export function isKeywordOf(name: string, dialect: Dialect): boolean {
  const k = byName.get(name);
  return k !== undefined && within(dialect, k.since, k.until);
}

/**
 * True when the oracle and valid generation apply `name` in `dialect`: a keyword of the
 * dialect, or one kept for compatibility after its last dialect (`dependencies`).
 */
export function isAppliedIn(name: string, dialect: Dialect): boolean {
  const k = byName.get(name);
  if (k === undefined) return false;
  return within(dialect, k.since, k.keptForCompatibility ? undefined : k.until);
}

/** True when the keyword judges instances (an assertion, applicator or reference); the rest name, hold or annotate. */
export function isEvaluated(name: string): boolean {
  const role = byName.get(name)?.role;
  return role === "assertion" || role === "applicator" || role === "reference";
}

/** True when canonicalise settles the keyword (see Keyword.settledByCanon). */
export function isSettledByCanon(name: string): boolean {
  return byName.get(name)?.settledByCanon === true;
}

/** True for `$ref`, `$dynamicRef`, `$recursiveRef`. */
export function isReference(name: string): boolean {
  return byName.get(name)?.role === "reference";
}

/** The reference keywords a dialect has. */
export function referencesOf(dialect: Dialect): string[] {
  return allKeywords().filter((k) => k.role === "reference" && isAppliedIn(k.name, dialect)).map((k) => k.name);
}

/** Where the keyword's subschemas are; undefined when its value is not a schema. */
export function subschemaShape(name: string): SubschemaShape | undefined {
  return byName.get(name)?.subschemas;
}

/**
 * The type the keyword judges (other types pass it); undefined when it judges every value.
 * Given the schema object, `format` judges what a user's format of that name judges (numbers for uint8).
 */
export function instanceTypeOf(name: string, schema?: Record<string, unknown>): InstanceType | undefined {
  if (name === "format" && schema) {
    const own = userFormat(schema.format);
    if (own) return own.type;
  }
  return byName.get(name)?.instanceType;
}

/** Draft-07 and earlier: kept beside `$ref` (everything else there is ignored). */
export function isKeptBesideRef(name: string): boolean {
  return byName.get(name)?.keptBesideRef === true;
}

/** The keyword and those read with it as one unit in `dialect` (see Keyword.readWith). */
export function unitOf(name: string, dialect: Dialect): string[] {
  const k = byName.get(name);
  if (!k?.readWith || (k.readWithUntil !== undefined && !within(dialect, undefined, k.readWithUntil))) return [name];
  return [name, ...k.readWith];
}

/** `false` as the keyword's whole value fails under the keyword's own name (additionalProperties: false). */
export function failsAsItself(name: string): boolean {
  return byName.get(name)?.failsAsItself === true;
}

/**
 * Evaluated keywords that ajv's class for `dialect` may know although the dialect does not
 * apply them (draft-04 `const`, 2020-12 `$recursiveRef`…): the oracle removes them from ajv.
 */
export function keywordsOutside(dialect: Dialect): string[] {
  return VOCABULARIES.flat().filter((k) => isEvaluated(k.name) && !isAppliedIn(k.name, dialect)).map((k) => k.name);
}

/** True when `name` is written in `schema` and is a keyword `dialect` applies. */
export function hasKeyword(schema: object, name: string, dialect: Dialect): boolean {
  return name in schema && isAppliedIn(name, dialect);
}

export { DIALECTS };
