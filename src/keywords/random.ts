import type { Arbitrary } from "fast-check";
import type FastCheck from "fast-check";
import type { Dialect } from "./dialects.js";

/**
 * What a keyword's random-schema builder combines (src/generate/schema/ fills it in per
 * dialect and depth): each arbitrary is already weighted toward what breaks validators.
 */
export interface RandomSchemaParts {
  fc: typeof FastCheck;
  dialect: Dialect;
  /** A random subschema one level deeper (boolean schemas included). */
  subschema: Arbitrary<unknown>;
  /** Property names: `__proto__`, `constructor`, "", digits, non-ASCII, `$ref`… */
  propertyName: Arbitrary<string>;
  /** Numbers at float edges: 5e-324, 2^53 ± 1, 1e308, 0.1, negative zero's neighbours… */
  number: Arbitrary<number>;
  /** Small non-negative integers (lengths, sizes, counts). */
  count: Arbitrary<number>;
  /** Positive divisors (multipleOf): 0.01, 0.3, 1.5, 2, 1e-8… */
  divisor: Arbitrary<number>;
  /** Any JSON value (enum and const members). */
  json: Arbitrary<unknown>;
  /** ECMA-262 patterns (`u` flag) chosen for engine differences: `$` before "\n", `\w`, `.`, `\p{L}`, astral lengths. */
  pattern: Arbitrary<string>;
  /** Format names, the specification's. */
  format: Arbitrary<string>;
  /** URI references to what the document defines: `#/$defs/b~1c`, `#anchor`, relative `$id`s, remote-like documents, `#`. */
  reference: Arbitrary<string>;
  /** The JSON type names. */
  typeName: Arbitrary<string>;
}

/**
 * How a keyword makes its value in random schemas (`conform fuzz --random-schemas`): a builder
 * from the parts, and a weight (default 1) against the dialect's other keywords. A keyword with
 * no `random` fact is never written into a random schema.
 */
export interface RandomKeyword {
  build(parts: RandomSchemaParts): Arbitrary<unknown>;
  weight?: number;
  /** Keywords written beside it in `dialect` for the schema to be valid (draft-04: exclusiveMaximum needs maximum). */
  companions?(dialect: Dialect): string[];
}

/** Builders shared by keywords of the same shape (each keyword module still says which it uses). */
export const randomBuilders = {
  /** One subschema (`not`, `additionalProperties`…). */
  subschema: (p: RandomSchemaParts): Arbitrary<unknown> => p.subschema,
  /** A non-empty list of one to three subschemas (`allOf`, `prefixItems`…). */
  subschemaList: (p: RandomSchemaParts): Arbitrary<unknown> => p.fc.array(p.subschema, { minLength: 1, maxLength: 3 }),
  /** Property names to subschemas (`properties`, `dependentSchemas`). */
  subschemaByName: (p: RandomSchemaParts): Arbitrary<unknown> => entriesObject(p, p.propertyName, p.subschema),
  /** A small count (`minLength`, `maxItems`…). */
  count: (p: RandomSchemaParts): Arbitrary<unknown> => p.count,
  /** A number at a float edge (`minimum`…). */
  number: (p: RandomSchemaParts): Arbitrary<unknown> => p.number,
  /** Distinct property names, at least one (`required` must not be empty before draft-06). */
  names: (p: RandomSchemaParts): Arbitrary<unknown> => p.fc.uniqueArray(p.propertyName, { minLength: 1, maxLength: 3 }),
};

/** An object built from distinct keys (own `__proto__` keys included: Object.fromEntries defines them). */
export function entriesObject(p: RandomSchemaParts, key: Arbitrary<string>, value: Arbitrary<unknown>): Arbitrary<Record<string, unknown>> {
  return p.fc
    .uniqueArray(p.fc.tuple(key, value), { minLength: 1, maxLength: 3, selector: ([k]) => k })
    .map((entries) => Object.fromEntries(entries));
}
