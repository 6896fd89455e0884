import { isObject, type Json } from "../../schema/json.js";
import type { Check, Condition } from "./applied.js";

/** An anyOf branch's schemas decide validity only while no other branch matches. */
export function noOtherBranchMatches(path: readonly string[], others: Check[]): Condition {
  return { path, holds: (v) => v !== undefined && !others.some((c) => c(v)) };
}

/** A broken oneOf branch leaves oneOf failing unless exactly one other branch matches. */
export function oneOfStaysFailing(path: readonly string[], others: Check[]): Condition {
  return { path, holds: (v) => v !== undefined && others.filter((c) => c(v)).length !== 1 };
}

/** then applies while `if` matches; else while it does not. */
export function ifResultIs(path: readonly string[], ifCheck: Check, expected: boolean): Condition {
  return { path, holds: (v) => v !== undefined && ifCheck(v) === expected };
}

/** dependentSchemas / dependencies apply while their trigger key is present. */
export function keyPresent(path: readonly string[], key: string): Condition {
  return { path, holds: (v) => isObject(v) && Object.prototype.hasOwnProperty.call(v, key) };
}

export function conditionsHold(conditions: readonly Condition[], valueAt: (path: readonly string[]) => Json | undefined): boolean {
  return conditions.every((c) => c.holds(valueAt(c.path)));
}
