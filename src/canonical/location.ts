import type { Located } from "../schema/registry.js";
import { pointerToFragment } from "../schema/pointer.js";
import { isObject } from "../schema/json.js";
import { enterScope } from "./dynamic-scope.js";

/** A stable name for a located schema: document URI + pointer (+ dynamic scope, when tracked). */
export function locationKey(l: Located): string {
  const base = l.document.uri + "#" + l.pointer;
  return l.scope === undefined ? base : base + " @" + l.scope.join(" ");
}

/** The absolute URI ajv knows the located schema by. */
export function locationUri(l: Located): string {
  return l.document.uri + "#" + pointerToFragment(l.pointer);
}

/** A child of a located schema: same document, base and dialect rules apply; the dynamic scope is carried on. */
export function child(l: Located, registry: { locate: (d: Located["document"], p: string) => Located | undefined }, ...tokens: string[]): Located | undefined {
  const pointer = l.pointer + tokens.map((t) => "/" + t.replace(/~/g, "~0").replace(/\//g, "~1")).join("");
  const c = registry.locate(l.document, pointer);
  return c && enterScope(c, l.scope);
}

/** The keyword value of a located object schema, or undefined. */
export function kw(l: Located, keyword: string): unknown {
  return isObject(l.schema) ? l.schema[keyword] : undefined;
}
