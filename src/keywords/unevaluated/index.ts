import type { Keyword } from "../keyword.js";
import unevaluatedProperties from "./unevaluated-properties.js";
import unevaluatedItems from "./unevaluated-items.js";

/** The Unevaluated vocabulary: its keywords, each in its own module. */
export const unevaluatedVocabulary: readonly Keyword[] = [unevaluatedProperties, unevaluatedItems];
