import type { Keyword } from "../keyword.js";
import allOf from "./all-of.js";
import anyOf from "./any-of.js";
import oneOf from "./one-of.js";
import notKeyword from "./not.js";
import ifKeyword from "./if.js";
import then from "./then.js";
import elseKeyword from "./else.js";
import properties from "./properties.js";
import patternProperties from "./pattern-properties.js";
import additionalProperties from "./additional-properties.js";
import propertyNames from "./property-names.js";
import dependencies from "./dependencies.js";
import dependentSchemas from "./dependent-schemas.js";
import prefixItems from "./prefix-items.js";
import items from "./items.js";
import additionalItems from "./additional-items.js";
import contains from "./contains.js";

/** The Applicator vocabulary: its keywords, each in its own module. */
export const applicatorVocabulary: readonly Keyword[] = [allOf, anyOf, oneOf, notKeyword, ifKeyword, then, elseKeyword, properties, patternProperties, additionalProperties, propertyNames, dependencies, dependentSchemas, prefixItems, items, additionalItems, contains];
