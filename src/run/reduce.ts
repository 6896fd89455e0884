import type { Json } from "../schema/json.js";
import { parsePointer } from "../schema/pointer.js";

/**
 * Structural reduction after fast-check's shrinking (delta debugging on JSON): drop object
 * entries and array items, shorten strings, zero numbers, as long as `keeps` still holds.
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

/** Smaller variants of `root`, biggest cuts first. */
function* candidates(root: Json, at: string[], keep: string[] | null): Generator<Json> {
  const node = get(root, at);
  const onKeep = keep !== null && at.length < keep.length && at.every((t, i) => keep[i] === t);
  const leadsToKeep = (token: string) => onKeep && keep![at.length] === token;
  if (Array.isArray(node)) {
    for (let i = node.length - 1; i >= 0; i--) {
      if (!leadsToKeep(String(i)) && !(onKeep && i < Number(keep![at.length]))) yield set(root, at, [...node.slice(0, i), ...node.slice(i + 1)]);
    }
    for (let i = 0; i < node.length; i++) yield* candidates(root, [...at, String(i)], keep);
  } else if (node !== null && typeof node === "object") {
    for (const k of Object.keys(node)) if (!leadsToKeep(k)) yield set(root, at, withoutKey(node, k));
    for (const k of Object.keys(node)) yield* candidates(root, [...at, k], keep);
  } else {
    yield* scalarCandidates(root, at, node);
  }
}

function* scalarCandidates(root: Json, at: string[], node: Json): Generator<Json> {
  if (typeof node === "string" && node.length > 0) {
    const chars = [...node];
    if (chars.length > 1) yield set(root, at, chars.slice(0, Math.ceil(chars.length / 2)).join(""));
    if (chars.length > 1) yield set(root, at, chars.slice(Math.floor(chars.length / 2)).join(""));
    for (let i = 0; i < chars.length && chars.length > 1; i++) yield set(root, at, [...chars.slice(0, i), ...chars.slice(i + 1)].join(""));
  } else if (typeof node === "number" && node !== 0) {
    yield set(root, at, 0);
    if (!Number.isInteger(node)) yield set(root, at, Math.trunc(node));
  }
}

function get(root: Json, at: string[]): Json {
  return at.reduce<Json>((n, t) => (Array.isArray(n) ? n[Number(t)]! : (n as Record<string, Json>)[t]!), root);
}

/** A copy of root with the value at `at` replaced. */
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

function withoutKey(obj: Record<string, Json>, key: string): Json {
  const copy: Record<string, Json> = {};
  for (const [k, v] of Object.entries(obj)) if (k !== key) define(copy, k, v);
  return copy;
}

/** An own data property even for "__proto__", which plain assignment would turn into a prototype. */
function define(obj: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
