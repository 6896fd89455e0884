import { isObject, type Json } from "../../schema/json.js";
import { joinPointer } from "../../schema/pointer.js";

/** One place where two versions of a schema document differ. */
export interface SchemaChange {
  pointer: string;
  change: "added" | "removed" | "changed";
  old?: Json;
  new?: Json;
}

/** The places where `b` differs from `a`, as JSON pointers, deepest first within each branch. */
export function schemaDiff(a: Json, b: Json, at = ""): SchemaChange[] {
  if (isObject(a) && isObject(b)) {
    const out: SchemaChange[] = [];
    for (const k of Object.keys(a)) {
      if (!(k in b)) out.push({ pointer: joinPointer(at, k), change: "removed", old: a[k] as Json });
      else out.push(...schemaDiff(a[k] as Json, b[k] as Json, joinPointer(at, k)));
    }
    for (const k of Object.keys(b)) if (!(k in a)) out.push({ pointer: joinPointer(at, k), change: "added", new: b[k] as Json });
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: SchemaChange[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= b.length) out.push({ pointer: joinPointer(at, i), change: "removed", old: a[i] as Json });
      else if (i >= a.length) out.push({ pointer: joinPointer(at, i), change: "added", new: b[i] as Json });
      else out.push(...schemaDiff(a[i] as Json, b[i] as Json, joinPointer(at, i)));
    }
    return out;
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ pointer: at, change: "changed", old: a, new: b }];
}

/**
 * The changes on a witness's failing path: those at, above, below or beside (same parent:
 * a new branch of a oneOf the witness failed) a schema location where the rejecting version
 * said no. Empty when none is related (the difference then lies in what a keyword means).
 */
export function changesOnPath(changes: SchemaChange[], failingPaths: string[]): SchemaChange[] {
  const parent = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf("/")));
  const related = (c: string, f: string) => c === f || c.startsWith(f + "/") || f.startsWith(c + "/") || parent(c) === f || parent(c) === parent(f);
  return changes.filter((c) => failingPaths.some((f) => related(c.pointer, f)));
}
