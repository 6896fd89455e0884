import { InputError } from "./errors.js";
import { isObject } from "./json.js";
import { joinPointer } from "./pointer.js";
import type { Located, SchemaDocument, SchemaRegistry } from "./registry.js";
import { walkDocument } from "./check-refs.js";
import { refOverridesSiblings } from "./dialect.js";

/**
 * Every `pattern` and `patternProperties` key of a document must compile as ajv (the oracle)
 * compiles it: `new RegExp(source, "u")`, ECMA-262 with the `u` flag (ajv's `unicodeRegExp`
 * option defaults to true). Returns one InputError per regex that does not, naming its pointer.
 * Keywords beside `$ref` in draft-07 and earlier are ignored, as the oracle ignores them.
 */
export function checkPatterns(doc: SchemaDocument, registry: SchemaRegistry): InputError[] {
  const errors: InputError[] = [];
  walkDocument(doc, registry, (l) => {
    for (const { pointer, source } of regexesOf(l)) {
      const problem = regexProblem(source);
      if (problem !== undefined) errors.push(new InputError(doc.file, pointer, `invalid regular expression ${JSON.stringify(source)}: ${problem} (ECMA-262 with the u flag, as ajv compiles it)`));
    }
  });
  return errors;
}

function regexesOf(l: Located): Array<{ pointer: string; source: string }> {
  if (!isObject(l.schema)) return [];
  if (refOverridesSiblings(l.dialect) && typeof l.schema.$ref === "string") return [];
  const out: Array<{ pointer: string; source: string }> = [];
  if (typeof l.schema.pattern === "string") out.push({ pointer: joinPointer(l.pointer, "pattern"), source: l.schema.pattern });
  const pp = l.schema.patternProperties;
  if (isObject(pp)) for (const key of Object.keys(pp)) out.push({ pointer: joinPointer(l.pointer, "patternProperties", key), source: key });
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
