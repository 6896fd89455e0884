import type { Keyword } from "../keyword.js";
import title from "./title.js";
import description from "./description.js";
import defaultKeyword from "./default.js";
import examples from "./examples.js";
import deprecated from "./deprecated.js";
import readOnly from "./read-only.js";
import writeOnly from "./write-only.js";

/** The Meta-data vocabulary: its keywords, each in its own module. */
export const metaDataVocabulary: readonly Keyword[] = [title, description, defaultKeyword, examples, deprecated, readOnly, writeOnly];
