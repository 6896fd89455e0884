import { dialectFromUri } from "../schema/dialect.js";
import { isObject } from "../schema/json.js";
import type { Target } from "../schema/target.js";

/** The vocabularies of the specification a validator must know; the oracle (ajv) knows all of them and no others. */
const STANDARD_VOCABULARY = /^https:\/\/json-schema\.org\/draft\/(2019-09|2020-12)\/vocab\//;

/**
 * Why the oracle cannot judge a target whose meta-schema declares its own `$vocabulary`
 * (ajv ignores `$vocabulary` and applies every keyword it knows), or undefined when it can.
 * Judging such a target would blame validators that rightly honour the vocabulary.
 */
export function unsupportedVocabulary(target: Target): string | undefined {
  const doc = target.registry.document(target.documentUri);
  const declared = doc && isObject(doc.schema) ? doc.schema.$schema : undefined;
  if (typeof declared !== "string" || dialectFromUri(declared) !== undefined) return undefined;
  const meta = target.registry.lookup(declared);
  const vocabulary = meta && isObject(meta.schema) ? meta.schema.$vocabulary : undefined;
  if (!isObject(vocabulary)) return undefined;
  const standard = ["applicator", "core", "validation", "unevaluated", "format-annotation", "content", "meta-data"];
  const missing = standard.filter((v) => !Object.keys(vocabulary).some((uri) => STANDARD_VOCABULARY.test(uri) && uri.endsWith("/" + v)));
  const custom = Object.keys(vocabulary).filter((uri) => !STANDARD_VOCABULARY.test(uri));
  if (missing.length === 0 && custom.length === 0) return undefined;
  return `its meta-schema ${declared} declares its own $vocabulary${missing.length ? ` (without ${missing.join(", ")})` : ""}; the oracle (ajv) does not honour $vocabulary, so it cannot judge this target`;
}
