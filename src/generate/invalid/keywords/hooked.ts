import fc from "fast-check";
import { keywordNamed } from "../../../keywords/registry.js";
import type { Keyword } from "../../../keywords/keyword.js";
import type { Json } from "../../../schema/json.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { alone } from "./alone.js";

/** The values a keyword module's `breaks` hook offers at this site (JSON values only). */
function breaksAt(k: Keyword, schema: Record<string, unknown>, value: Json): Json[] {
  try {
    return (k.hooks?.breaks?.(value, schema[k.name], schema) ?? []).filter(isJsonValue) as Json[];
  } catch {
    return [];
  }
}

function isJsonValue(v: unknown): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  try {
    return JSON.stringify(v) !== undefined;
  } catch {
    return false;
  }
}

/**
 * A keyword module's way of being broken: its `breaks` hook, from the valid value at the
 * site. The engine keeps only payloads the oracle rejects, like every mutator's.
 */
export function hookMutator(k: Keyword): Mutator {
  return {
    keyword: k.name,
    appliesTo(member, site) {
      return breaksAt(k, schemaOf(member), site.value).length > 0;
    },
    violate(member, site) {
      return fc.constantFrom(...breaksAt(k, schemaOf(member), site.value)).map((v) => breaking(member, k.name, v));
    },
    unbreakable() {
      return k.hooks?.breaks ? undefined : `the module of ${k.name} gives no way to break it alone`;
    },
  };
}

const hookMutators = new Map<Keyword, Mutator>();

/** The mutator of a keyword that has a module with hooks and no built-in mutator. */
export function hookMutatorOf(name: string): Mutator | undefined {
  const k = keywordNamed(name);
  if (!k?.hooks || k.role !== "assertion") return undefined;
  let m = hookMutators.get(k);
  if (!m) hookMutators.set(k, (m = alone(hookMutator(k))));
  return m;
}
