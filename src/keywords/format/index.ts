import type { Keyword } from "../keyword.js";
import format from "./format.js";

/** The Format vocabulary: its keywords, each in its own module. */
export const formatVocabulary: readonly Keyword[] = [format];
