import type { Keyword } from "../keyword.js";
import contentEncoding from "./content-encoding.js";
import contentMediaType from "./content-media-type.js";
import contentSchema from "./content-schema.js";

/** The Content vocabulary: its keywords, each in its own module. */
export const contentVocabulary: readonly Keyword[] = [contentEncoding, contentMediaType, contentSchema];
