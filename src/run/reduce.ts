import type { Json } from "../schema/json.js";
import { parsePointer } from "../schema/pointer.js";

/**
 * Structural reduction after fast-check's shrinking (delta debugging on JSON): drop object
 * entries and array items, shorten strings and keys, zero, round and halve numbers, as long as
 * `keeps` still holds.
 * The value at `protectedPath` (the broken site of an invalid payload) and its ancestors
 * are never removed, nor items before it (which would move it), so the label's place
 * stays; what is inside may shrink (the caller re-checks the label). Greedy, bounded.
 */
export async function reduceJson(value: Json, keeps: (v: Json) => Promise<boolean>, protectedPath: string | null, maxSteps = 2000): Promise<Json> {
  const keep = protectedPath === null ? null : parsePointer(protectedPath);
  let current = value;
  let steps = 0;
  let improved = true;
  while (improved && steps < maxSteps) {
    improved = false;
    for (const candidate of candidates(current, [], keep)) {
      if (++steps > maxSteps) break;
      if (await keeps(candidate)) {
        current = candidate;
        improved = true;
        break;
      }
    }
  }
  return current;
}

/** One step of reduction: remove the entry at `at`, put `value` there, or rename its key to `key`. */
type Edit = { at: string[]; value?: Json; key?: string };

/** Smaller variants of `root`, biggest cuts first. */
function* candidates(root: Json, at: string[], keep: string[] | null): Generator<Json> {
  for (const edit of edits(root, at, keep)) yield apply(root, edit);
}

function* edits(root: Json, at: string[], keep: string[] | null): Generator<Edit> {
  const node = get(root, at);
  const onKeep = keep !== null && at.length < keep.length && at.every((t, i) => keep[i] === t);
  const leadsToKeep = (token: string) => onKeep && keep![at.length] === token;
  if (Array.isArray(node)) {
    for (let i = node.length - 1; i >= 0; i--) {
      if (!leadsToKeep(String(i)) && !(onKeep && i < Number(keep![at.length]))) yield { at: [...at, String(i)] };
    }
    if (!onKeep) yield* uniformEdits(root, at, node);
    for (let i = 0; i < node.length; i++) yield* edits(root, [...at, String(i)], keep);
  } else if (node !== null && typeof node === "object") {
    for (const k of Object.keys(node)) if (!leadsToKeep(k)) yield { at: [...at, k] };
    for (const k of Object.keys(node)) {
      if (leadsToKeep(k)) continue;
      for (const key of shorterTexts(k)) if (!Object.prototype.hasOwnProperty.call(node, key)) yield { at: [...at, k], key };
    }
    for (const k of Object.keys(node)) yield* edits(root, [...at, k], keep);
  } else {
    for (const value of scalarCandidates(node)) yield { at, value };
  }
}

/**
 * The same edit made in every item of an array that has the edited place: what keeps
 * two items equal (uniqueItems) or alike while each shrinks, which no single-item edit can.
 */
function* uniformEdits(root: Json, at: string[], items: Json[]): Generator<Edit> {
  if (items.length < 2) return;
  for (const inner of edits(items[0]!, [], null)) {
    if (inner.at.length === 0 || items.filter((item) => has(item, inner.at)).length < 2) continue;
    yield { at, value: items.map((item) => (has(item, inner.at) ? apply(item, inner) : item)) };
  }
}

/** Shorter versions of a text, whole code points only: each half, then each with one character less. */
function* shorterTexts(text: string): Generator<string> {
  const chars = [...text];
  if (chars.length < 2) return;
  yield chars.slice(0, Math.ceil(chars.length / 2)).join("");
  yield chars.slice(Math.floor(chars.length / 2)).join("");
  for (let i = 0; i < chars.length; i++) yield [...chars.slice(0, i), ...chars.slice(i + 1)].join("");
}

function* scalarCandidates(node: Json): Generator<Json> {
  if (typeof node === "string" && node.length > 0) {
    yield* shorterTexts(node);
  } else if (typeof node === "number" && node !== 0) {
    yield 0;
    if (!Number.isInteger(node)) yield* [Math.trunc(node), node < 0 ? Math.floor(node) : Math.ceil(node)];
    else if (Math.abs(node) > 1 && String(Math.trunc(node / 2)).length <= String(node).length) yield Math.trunc(node / 2);
  }
}

/** A copy of root with the edit made: the entry at `edit.at` removed, or replaced by `edit.value`. */
function apply(root: Json, edit: Edit): Json {
  if (edit.value !== undefined) return set(root, edit.at, edit.value);
  const parent = edit.at.slice(0, -1);
  const last = edit.at[edit.at.length - 1]!;
  const node = get(root, parent);
  if (edit.key !== undefined) return set(root, parent, withKeyRenamed(node as Record<string, Json>, last, edit.key));
  return set(root, parent, Array.isArray(node) ? [...node.slice(0, Number(last)), ...node.slice(Number(last) + 1)] : withoutKey(node as Record<string, Json>, last));
}

function has(root: Json, at: string[]): boolean {
  let n: Json | undefined = root;
  for (const t of at) {
    if (Array.isArray(n)) n = Number(t) < n.length ? n[Number(t)] : undefined;
    else if (n !== null && typeof n === "object" && Object.prototype.hasOwnProperty.call(n, t)) n = (n as Record<string, Json>)[t];
    else return false;
  }
  return true;
}

function get(root: Json, at: string[]): Json {
  return at.reduce<Json>((n, t) => (Array.isArray(n) ? n[Number(t)]! : (n as Record<string, Json>)[t]!), root);
}

/** A copy of root with the value at `at` replaced. */
/** A copy of `root` with `value` at `pointer` (which must exist). */
export function replacedAt(root: Json, pointer: string, value: Json): Json {
  return set(root, parsePointer(pointer), value);
}

function set(root: Json, at: string[], value: Json): Json {
  if (at.length === 0) return value;
  const [head, ...rest] = at;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[Number(head)] = set(root[Number(head)]!, rest, value);
    return copy;
  }
  const obj = root as Record<string, Json>;
  const copy: Record<string, Json> = {};
  for (const [k, v] of Object.entries(obj)) define(copy, k, k === head ? set(v, rest, value) : v);
  return copy;
}

/** A copy with one key renamed, in the same place among the others. */
function withKeyRenamed(obj: Record<string, Json>, from: string, to: string): Json {
  const copy: Record<string, Json> = {};
  for (const [k, v] of Object.entries(obj)) define(copy, k === from ? to : k, v);
  return copy;
}

function withoutKey(obj: Record<string, Json>, key: string): Json {
  const copy: Record<string, Json> = {};
  for (const [k, v] of Object.entries(obj)) if (k !== key) define(copy, k, v);
  return copy;
}

/** An own data property even for "__proto__", which plain assignment would turn into a prototype. */
function define(obj: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
