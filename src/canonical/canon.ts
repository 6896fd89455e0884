import type { Located } from "../schema/registry.js";
import type { Json } from "../schema/json.js";

export type JsonType = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";
export const ALL_TYPES: readonly JsonType[] = ["null", "boolean", "integer", "number", "string", "array", "object"];

/** One way to satisfy an anyOf / oneOf / if-then-else / dependentSchemas: schemas to add, schemas to avoid. */
export interface Branch {
  members: Located[];
  nots: Located[];
  /** The schema path of the branch (for coverage). */
  label: string;
  /** Keys an object value must have in this branch (dependentSchemas: the key is present). */
  require?: string[];
  /** Keys an object value must not have in this branch (dependentSchemas: the key is absent). */
  forbid?: string[];
}

/** A choice still to be made; `id` names the keyword occurrence, so a choice is made once. */
export interface Disjunction {
  id: string;
  keyword: "anyOf" | "oneOf" | "if" | "dependentSchemas";
  branches: Branch[];
  /** Location key of the schema that holds the keyword: its branches' members belong to its subtree (unevaluated*). */
  holder?: string;
}

/**
 * The canonical form of "a value that satisfies all of `members` and none of `nots`".
 * `$ref` and `allOf` are expanded into `members`; anyOf/oneOf/if/dependentSchemas become
 * `disjunctions`; `type`, `enum` and `const` are intersected. Type modules read the
 * remaining keywords (bounds, properties, items...) straight from the members.
 */
export interface Canon {
  key: string;
  members: Located[];
  nots: Located[];
  disjunctions: Disjunction[];
  /** Allowed types; "number" also admits integers. */
  types: JsonType[];
  /** The only values allowed (enum/const intersection), or null when unconstrained. */
  consts: Json[] | null;
  /** Disjunction ids already decided on the way here. */
  decided: string[];
  /** Keys an object value must have / must not have (from dependentSchemas choices, and negations absorbed). */
  require: string[];
  forbid: string[];
  /**
   * The negations and forbidden keys the input carried, before absorption: what a chosen branch
   * passes on. A key left out to satisfy a negation is one way of satisfying it, not a fact:
   * passed on as forbidden, it clashed with a later branch that requires the key and made a
   * false "unsatisfiable"; each level absorbs the negations again with its own required keys.
   */
  carried: { nots: Located[]; forbid: string[] };
  /**
   * Member location key → location key of the member that brought it in ($ref, allOf, a
   * chosen branch). unevaluatedProperties/Items of a member see only the members below it.
   */
  parents: ReadonlyMap<string, string>;
}

/** What a Canon is built from: roots to satisfy, schemas to avoid, choices already made. */
export interface CanonInput {
  roots: Located[];
  nots: Located[];
  decided: string[];
  require?: string[];
  forbid?: string[];
  /** Types the value must also have (property names are strings), beside the members' own `type`. */
  types?: JsonType[];
  /** Root location key → key of the member that holds it (roots taken from a chosen branch). */
  parents?: ReadonlyMap<string, string>;
}
