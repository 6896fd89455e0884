import type { Keyword } from "../keyword.js";
import type from "./type.js";
import enumKeyword from "./enum.js";
import constKeyword from "./const.js";
import multipleOf from "./multiple-of.js";
import maximum from "./maximum.js";
import exclusiveMaximum from "./exclusive-maximum.js";
import minimum from "./minimum.js";
import exclusiveMinimum from "./exclusive-minimum.js";
import maxLength from "./max-length.js";
import minLength from "./min-length.js";
import pattern from "./pattern.js";
import maxItems from "./max-items.js";
import minItems from "./min-items.js";
import uniqueItems from "./unique-items.js";
import maxContains from "./max-contains.js";
import minContains from "./min-contains.js";
import maxProperties from "./max-properties.js";
import minProperties from "./min-properties.js";
import required from "./required.js";
import dependentRequired from "./dependent-required.js";

/** The Validation vocabulary: its keywords, each in its own module. */
export const validationVocabulary: readonly Keyword[] = [type, enumKeyword, constKeyword, multipleOf, maximum, exclusiveMaximum, minimum, exclusiveMinimum, maxLength, minLength, pattern, maxItems, minItems, uniqueItems, maxContains, minContains, maxProperties, minProperties, required, dependentRequired];
