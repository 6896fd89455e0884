/**
 * Shrinking a schema while a property holds (the caller's: the same adapters still disagree
 * the same way, re-checked with the oracle). Greedy, JSON-level and schema-blind: each step
 * tries smaller documents, biggest cuts first — drop a key (a keyword, a property, a
 * definition), drop an array item (a branch, an enum member), replace an object or array by
 * `true` (a subschema by the empty schema; the caller's check rejects what is then no
 * schema), simplify a number or a string — and keeps the first that still holds.
 */

type JsonValue = unknown;

/** Keys never cut nor changed at the root: the dialect of the document (nor their values anywhere). */
const KEPT_KEYS = new Set(["$schema"]);

export interface ShrinkLimits {
  /** Stop after this many checks of the property (default 400). */
  maxChecks?: number;
  /** Stop when this returns true (a deadline, an abort). */
  stop?: () => boolean;
}

/** The smallest schema found that still satisfies `holds`, and how many checks it took. */
export async function shrinkSchema(schema: JsonValue, holds: (candidate: JsonValue) => Promise<boolean>, limits: ShrinkLimits = {}): Promise<{ schema: JsonValue; checks: number }> {
  const maxChecks = limits.maxChecks ?? 400;
  let current = schema;
  let checks = 0;
  let improved = true;
  while (improved) {
    improved = false;
    for (const candidate of smallerSchemas(current)) {
      if (checks >= maxChecks || limits.stop?.()) return { schema: current, checks };
      checks++;
      if (await holds(candidate)) {
        current = candidate;
        improved = true;
        break;
      }
    }
  }
  return { schema: current, checks };
}

/** Every one-edit smaller variant of `value`, outermost edits first. */
export function* smallerSchemas(value: JsonValue): Generator<JsonValue> {
  yield* cutsAt(value, [], value);
}

function* cutsAt(root: JsonValue, path: Array<string | number>, value: JsonValue): Generator<JsonValue> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield replaceAt(root, path, value.filter((_, j) => j !== i));
    for (let i = 0; i < value.length; i++) yield* cutsAt(root, [...path, i], value[i]);
    if (path.length > 0) yield replaceAt(root, path, true);
  } else if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    for (const [k] of entries) if (!(path.length === 0 && KEPT_KEYS.has(k))) yield replaceAt(root, path, Object.fromEntries(entries.filter(([x]) => x !== k)));
    if (path.length > 0 && entries.length > 0) yield replaceAt(root, path, true);
    for (const inner of innerObjects(value as Record<string, unknown>)) yield replaceAt(root, path, path.length === 0 ? { ...keptOf(value as Record<string, unknown>), ...withoutKept(inner) } : inner);
    for (const [k, v] of entries) if (!KEPT_KEYS.has(k)) yield* cutsAt(root, [...path, k], v);
  } else {
    for (const simpler of simplerScalars(value)) yield replaceAt(root, path, simpler);
  }
}

/**
 * Objects one or two levels in (a subschema, a branch of a list): an object replaced by one of
 * them hoists it (`{"items": {"allOf": [S]}}` → `{"items": S}`); at the root its keys join `$schema`.
 */
function innerObjects(value: Record<string, unknown>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const [k, v] of Object.entries(value)) {
    if (KEPT_KEYS.has(k)) continue;
    for (const child of Array.isArray(v) ? v : [v]) if (child !== null && typeof child === "object" && !Array.isArray(child)) out.push(child as Record<string, unknown>);
  }
  return out;
}

function keptOf(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => KEPT_KEYS.has(k)));
}

function withoutKept(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !KEPT_KEYS.has(k)));
}

/** Simpler forms of a scalar, each written shorter (so shrinking ends): 0 and 1, a whole number, two digits, a shorter string. */
function simplerScalars(value: JsonValue): JsonValue[] {
  const shorter = (x: JsonValue) => JSON.stringify(x).length < JSON.stringify(value).length;
  if (typeof value === "number") return [...new Set([0, 1, Math.trunc(value), Number(value.toPrecision(2))])].filter((n) => Number.isFinite(n) && !Object.is(n, -0) && shorter(n));
  if (typeof value === "string") return [...new Set(["", value.slice(0, Math.ceil(value.length / 2))])].filter(shorter);
  return [];
}

/** A copy of `root` with the value at `path` replaced (own `__proto__` keys kept as data). */
function replaceAt(root: JsonValue, path: ReadonlyArray<string | number>, replacement: JsonValue): JsonValue {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const entries = Object.entries(root as Record<string, unknown>).map(([k, v]): [string, unknown] => [k, k === head ? replaceAt(v, rest, replacement) : v]);
  return Object.fromEntries(entries);
}
