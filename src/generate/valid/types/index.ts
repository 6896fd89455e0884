import type { JsonType } from "../../../canonical/canon.js";
import type { TypeGenerator } from "../type-generator.js";
import { arrayGenerator } from "./array.js";
import { integerGenerator } from "./integer.js";
import { numberGenerator } from "./number.js";
import { objectGenerator } from "./object.js";
import { booleanGenerator, nullGenerator } from "./scalars.js";
import { stringGenerator } from "./string.js";

/** One generator per JSON type; adding a type-level capability means editing one of these modules. */
export const TYPE_GENERATORS: Record<JsonType, TypeGenerator> = {
  null: nullGenerator,
  boolean: booleanGenerator,
  integer: integerGenerator,
  number: numberGenerator,
  string: stringGenerator,
  array: arrayGenerator,
  object: objectGenerator,
};
