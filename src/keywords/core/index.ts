import type { Keyword } from "../keyword.js";
import dollarschema from "./dollar-schema.js";
import dollarid from "./dollar-id.js";
import id from "./id.js";
import dollaranchor from "./dollar-anchor.js";
import dollardynamicAnchor from "./dollar-dynamic-anchor.js";
import dollarrecursiveAnchor from "./dollar-recursive-anchor.js";
import dollarvocabulary from "./dollar-vocabulary.js";
import dollarcomment from "./dollar-comment.js";
import dollarref from "./dollar-ref.js";
import dollardynamicRef from "./dollar-dynamic-ref.js";
import dollarrecursiveRef from "./dollar-recursive-ref.js";
import dollardefs from "./dollar-defs.js";
import definitions from "./definitions.js";

/** The Core vocabulary: its keywords, each in its own module. */
export const coreVocabulary: readonly Keyword[] = [dollarschema, dollarid, id, dollaranchor, dollardynamicAnchor, dollarrecursiveAnchor, dollarvocabulary, dollarcomment, dollarref, dollardynamicRef, dollarrecursiveRef, dollardefs, definitions];
