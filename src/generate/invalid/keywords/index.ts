import type { Mutator } from "../mutator.js";
import { alone } from "./alone.js";
import { additionalPropertiesMutator } from "./additional-properties.js";
import { anyOfMutator } from "./any-of.js";
import { constMutator } from "./const.js";
import { containsMutator, maxContainsMutator, minContainsMutator } from "./contains.js";
import { dependenciesListMutator, dependentRequiredMutator } from "./dependent-required.js";
import { dependenciesSchemaMutator, dependentSchemasMutator } from "./dependent-schemas.js";
import { enumMutator } from "./enum.js";
import { formatMutator } from "./format.js";
import { hookMutatorOf } from "./hooked.js";
import { elseMutator, thenMutator } from "./if-then-else.js";
import { additionalItemsMutator, itemsMutator, prefixItemsMutator } from "./items.js";
import { maxItemsMutator, minItemsMutator } from "./limit-items.js";
import { maxLengthMutator, minLengthMutator } from "./limit-length.js";
import { exclusiveMaximumMutator, exclusiveMinimumMutator, maximumMutator, minimumMutator } from "./limit-number.js";
import { maxPropertiesMutator, minPropertiesMutator } from "./limit-properties.js";
import { multipleOfMutator } from "./multiple-of.js";
import { notMutator } from "./not.js";
import { oneOfMutator } from "./one-of.js";
import { patternMutator } from "./pattern.js";
import { patternPropertiesMutator } from "./pattern-properties.js";
import { propertiesMutator } from "./properties.js";
import { propertyNamesMutator } from "./property-names.js";
import { requiredMutator } from "./required.js";
import { typeMutator } from "./type.js";
import { unevaluatedItemsMutator } from "./unevaluated-items.js";
import { unevaluatedPropertiesMutator } from "./unevaluated-properties.js";
import { uniqueItemsMutator } from "./unique-items.js";

/** Every built-in mutator, one module per keyword; keywords from keyword modules bring theirs (hooked.ts). */
const OWN_MUTATORS: readonly Mutator[] = [
  typeMutator, enumMutator, constMutator,
  requiredMutator, propertiesMutator, additionalPropertiesMutator, patternPropertiesMutator, propertyNamesMutator,
  minPropertiesMutator, maxPropertiesMutator, dependentRequiredMutator, dependenciesListMutator,
  dependentSchemasMutator, dependenciesSchemaMutator, unevaluatedPropertiesMutator,
  minItemsMutator, maxItemsMutator, uniqueItemsMutator, containsMutator, minContainsMutator, maxContainsMutator,
  prefixItemsMutator, itemsMutator, additionalItemsMutator, unevaluatedItemsMutator,
  minLengthMutator, maxLengthMutator, patternMutator, formatMutator,
  minimumMutator, maximumMutator, exclusiveMinimumMutator, exclusiveMaximumMutator, multipleOfMutator,
  anyOfMutator, oneOfMutator, notMutator, thenMutator, elseMutator,
];

/** Each mutator held to breaking its keyword alone (keywords/alone.ts). */
export const MUTATORS: readonly Mutator[] = OWN_MUTATORS.map(alone);

const BY_KEYWORD = new Map<string, Mutator[]>();
for (const m of MUTATORS) BY_KEYWORD.set(m.keyword, [...(BY_KEYWORD.get(m.keyword) ?? []), m]);

/**
 * The mutators of a keyword (two for draft-07 `dependencies`: its list and schema forms); for
 * a keyword a module adds (src/keywords/), the one its `breaks` hook makes.
 */
export function mutatorsFor(keyword: string): readonly Mutator[] {
  const builtIn = BY_KEYWORD.get(keyword);
  if (builtIn) return builtIn;
  const hooked = hookMutatorOf(keyword);
  return hooked ? [hooked] : [];
}
