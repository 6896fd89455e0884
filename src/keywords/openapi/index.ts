import type { Keyword } from "../keyword.js";
import nullable from "./nullable.js";

/** OpenAPI 3.0's keywords that ajv (the oracle) applies in every dialect. */
export const openapiVocabulary: readonly Keyword[] = [nullable];
