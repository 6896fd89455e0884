import { isObject, type Json, type JsonObject } from "../../schema/json.js";
import { escapeToken } from "../../schema/pointer.js";

/** The value at `path` (object keys and array indices as strings), or undefined when absent. */
export function valueAt(root: Json, path: readonly string[]): Json | undefined {
  let node: Json | undefined = root;
  for (const token of path) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, token)) node = node[token];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** A copy of `root` with `value` at `path`; only the containers on the path are copied. */
export function replaceAt(root: Json, path: readonly string[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[Number(head)] = replaceAt(root[Number(head)]!, rest, value);
    return copy;
  }
  if (isObject(root)) return withKey(root, head, replaceAt(root[head]!, rest, value));
  throw new Error(`no container at ${pointerOf(path)}`);
}

/** A copy of the object with `key` set (own data property, so "__proto__" stays a plain key). */
export function withKey(obj: JsonObject, key: string, value: Json): JsonObject {
  const copy: JsonObject = {};
  for (const k of Object.keys(obj)) define(copy, k, obj[k]!);
  define(copy, key, value);
  return copy;
}

/** A copy of the object without `keys`. */
export function withoutKeys(obj: JsonObject, keys: readonly string[]): JsonObject {
  const copy: JsonObject = {};
  for (const k of Object.keys(obj)) if (!keys.includes(k)) define(copy, k, obj[k]!);
  return copy;
}

/** The same JSON value with every object's keys in reverse order: equal as JSON, different as text. */
export function reorderKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(reorderKeys);
  if (!isObject(v)) return v;
  const copy: JsonObject = {};
  for (const k of Object.keys(v).reverse()) define(copy, k, reorderKeys(v[k]!));
  return copy;
}

export function pointerOf(path: readonly string[]): string {
  return path.map((t) => "/" + escapeToken(t)).join("");
}

function define(obj: JsonObject, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
