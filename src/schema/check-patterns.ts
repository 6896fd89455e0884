import { InputError } from "./errors.js";
import { isObject, type JsonObject } from "./json.js";
import { joinPointer } from "./pointer.js";
import type { SchemaDocument } from "./registry.js";
import { walkSchemas } from "./check-refs.js";
import { refHidesSiblings } from "../keywords/dialects.js";
import type { Dialect } from "./dialect.js";

/**
 * Every `pattern` and `patternProperties` key of a document must compile as ajv (the oracle)
 * compiles it: `new RegExp(source, "u")`, ECMA-262 with the `u` flag (ajv's `unicodeRegExp`
 * option defaults to true). Returns one InputError per regex that does not, naming its pointer.
 * Keywords beside `$ref` in draft-07 and earlier are ignored, as the oracle ignores them.
 */
export function checkPatterns(doc: SchemaDocument): InputError[] {
  const errors: InputError[] = [];
  walkSchemas(doc, (schema, at, dialect) => {
    for (const { pointer, source } of regexesOf(schema, at, dialect)) {
      const problem = regexProblem(source);
      if (problem !== undefined) errors.push(new InputError(doc.file, pointer, `invalid regular expression ${JSON.stringify(source)}: ${problem} (ECMA-262 with the u flag, as ajv compiles it)`));
    }
  });
  return errors;
}

function regexesOf(schema: JsonObject, at: string, dialect: Dialect): Array<{ pointer: string; source: string }> {
  if (refHidesSiblings(dialect) && typeof schema.$ref === "string") return [];
  const out: Array<{ pointer: string; source: string }> = [];
  if (typeof schema.pattern === "string") out.push({ pointer: joinPointer(at, "pattern"), source: schema.pattern });
  const pp = schema.patternProperties;
  if (isObject(pp)) for (const key of Object.keys(pp)) out.push({ pointer: joinPointer(at, "patternProperties", key), source: key });
  return out;
}

/** Why `new RegExp(source, "u")` throws (its message without the repeated source), or undefined. */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source, "u");
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: \/.*\/u?: /s, "");
  }
}
